using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Diagnostics;
using StepUp.AspNetCore.Phones;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Verification;

/// <summary>
/// StepUp's phone verification engine: sends codes (own codes by <see cref="IPhoneChannel"/>, or through an
/// <see cref="IPhoneVerificationProvider"/>), checks them, and attaches verified numbers. Grants and sessions are the
/// caller's business. Every store failure surfaces as <see cref="StepUpStoreException"/>.
/// </summary>
public sealed class PhoneVerificationService
{
    private readonly IStepUpStore _store;
    private readonly IPhoneChannel? _channel;
    private readonly IPhoneVerificationProvider? _provider;
    private readonly IOptionsMonitor<StepUpOptions> _options;
    private readonly TimeProvider _time;
    private readonly StepUpKeyRing _keys;
    private readonly PhoneNumberParser _parser;
    private readonly PhoneMessageComposer _composer;
    private readonly StepUpMetrics _metrics;
    private readonly ILogger _logger;

    internal PhoneVerificationService(
        IServiceProvider services,
        IStepUpStore store,
        IOptionsMonitor<StepUpOptions> options,
        TimeProvider time,
        StepUpKeyRing keys,
        PhoneNumberParser parser,
        PhoneMessageComposer composer,
        StepUpMetrics metrics,
        ILogger<PhoneVerificationService> logger)
    {
        _store = store;
        _channel = services.GetService<IPhoneChannel>();
        _provider = services.GetService<IPhoneVerificationProvider>();
        _options = options;
        _time = time;
        _keys = keys;
        _parser = parser;
        _composer = composer;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Reads the user's verified phone (masked) and pending code.</summary>
    public async Task<PhoneVerificationState> GetStateAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var phone = await _store.GetVerifiedPhoneAsync(userId, cancellationToken).ConfigureAwait(false);
        var challenge = await _store.GetChallengeAsync(userId, cancellationToken).ConfigureAwait(false);
        var options = _options.CurrentValue;
        PendingCode? pending = null;
        if (challenge is not null && challenge.ExpiresAt > _time.GetUtcNow())
        {
            pending = new PendingCode(
                challenge.ChallengeId,
                challenge.Purpose,
                challenge.Channel,
                PhoneNumberParser.Mask(challenge.PhoneNumber),
                challenge.ExpiresAt,
                Math.Max(0, options.MaxAttemptsPerCode - challenge.Attempts),
                challenge.TransactionDigest);
        }

        return new PhoneVerificationState
        {
            MaskedPhoneNumber = phone is null ? null : PhoneNumberParser.Mask(phone.PhoneNumber),
            PhoneVerifiedAt = phone?.VerifiedAt,
            Pending = pending,
        };
    }

    /// <summary>Sends a code, after checking the number, the channel and every send limit.</summary>
    public async Task<StartVerificationResult> StartAsync(StartVerificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.UserId);
        var options = _options.CurrentValue;
        var channel = request.Channel;

        if (!Enum.IsDefined(channel) || !request.AllowedChannels.Allows(channel) || !options.AllowedChannels.Allows(channel))
        {
            return Refused(StartVerificationStatus.ChannelNotAllowed, channel, channel == PhoneChannel.Voice
                ? "Voice calls are not available here. Choose a text message."
                : "Text messages are not available here. Choose a voice call.");
        }

        var attached = await _store.GetVerifiedPhoneAsync(request.UserId, cancellationToken).ConfigureAwait(false);
        string phoneNumber;
        switch (request.Purpose)
        {
            case ChallengePurpose.StepUp:
                if (attached is null)
                {
                    return Refused(StartVerificationStatus.PhoneNumberRequired, channel, "Enter the phone number to send the code to.");
                }

                phoneNumber = attached.PhoneNumber;
                break;

            case ChallengePurpose.Enrollment or ChallengePurpose.ChangePhone:
                if (request.Purpose == ChallengePurpose.Enrollment && attached is not null)
                {
                    return Refused(StartVerificationStatus.PhoneAlreadyAttached, channel, "A phone number is already attached to your account. Change it from your phone settings.");
                }

                if (string.IsNullOrWhiteSpace(request.PhoneNumber))
                {
                    // A resend or channel switch of a pending enrolment goes to the number that is being verified.
                    var pending = await _store.GetChallengeAsync(request.UserId, cancellationToken).ConfigureAwait(false);
                    if (pending is null || pending.Purpose != request.Purpose || pending.ExpiresAt <= _time.GetUtcNow())
                    {
                        return Refused(StartVerificationStatus.PhoneNumberRequired, channel, "Enter the phone number to send the code to.");
                    }

                    phoneNumber = pending.PhoneNumber;
                    break;
                }

                var parsed = _parser.Parse(request.PhoneNumber);
                switch (parsed.Status)
                {
                    case PhoneNumberParseStatus.Invalid:
                        return Refused(StartVerificationStatus.InvalidPhoneNumber, channel, "Enter a valid mobile number with its country code, for example +31 6 12345678.");
                    case PhoneNumberParseStatus.CountryNotAllowed:
                        return Refused(StartVerificationStatus.CountryNotAllowed, channel, "Numbers from this country cannot be used here. Enter a number from a supported country.");
                }

                if (attached is not null && string.Equals(attached.PhoneNumber, parsed.E164, StringComparison.Ordinal))
                {
                    return Refused(StartVerificationStatus.PhoneAlreadyAttached, channel, "This number is already attached to your account.");
                }

                phoneNumber = parsed.E164!;
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Purpose, "Unknown purpose.");
        }

        var masked = PhoneNumberParser.Mask(phoneNumber);
        var now = _time.GetUtcNow();
        var limits = new SendLimits(
            options.MaxSendsPerUser,
            options.MaxSendsPerPhoneNumber,
            options.MaxSendsPerClientAddress,
            options.SendWindow,
            options.ResendCooldown,
            options.MaxResendCooldown);
        var phoneKey = await _keys.KeyForAsync("phone", phoneNumber, cancellationToken).ConfigureAwait(false);
        var clientKey = request.ClientAddress is null
            ? null
            : await _keys.KeyForAsync("client", request.ClientAddress.ToString(), cancellationToken).ConfigureAwait(false);

        var permit = await _store.TryRecordSendAsync(new SendAttempt(request.UserId, phoneKey, clientKey, now, limits), cancellationToken).ConfigureAwait(false);
        if (!permit.Allowed)
        {
            _logger.SendRateLimited(permit.Limit, permit.RetryAfter.TotalSeconds);
            _metrics.Send(channel, "rate_limited");
            var wait = CodeGenerator.FormatSeconds(permit.RetryAfter);
            return new StartVerificationResult
            {
                Status = StartVerificationStatus.RateLimited,
                Channel = channel,
                Limit = permit.Limit,
                RetryAfter = permit.RetryAfter,
                MaskedPhoneNumber = masked,
                Message = permit.Limit == SendLimitKind.Cooldown
                    ? $"A code was sent moments ago. You can ask for a new one in {wait} seconds."
                    : $"Too many codes were requested. Try again in {wait} seconds.",
            };
        }

        await options.Events.CodeSending(new CodeSendingContext
        {
            HttpContext = request.HttpContext,
            UserId = request.UserId,
            Channel = channel,
            Purpose = request.Purpose,
            MaskedPhoneNumber = masked,
        }).ConfigureAwait(false);

        var culture = request.Culture ?? CultureInfo.CurrentUICulture;
        var brand = options.Brand ?? request.Origin ?? "StepUp";
        var challengeId = CodeGenerator.NewId();
        var expiresAt = now + options.CodeLifetime;
        PhoneDeliveryResult delivery;

        if (_provider is not null)
        {
            var previous = await _store.GetChallengeAsync(request.UserId, cancellationToken).ConfigureAwait(false);
            ProviderVerificationStart started;
            if (previous is { ProviderRequestId: { } previousRequest } && previous.ExpiresAt > now &&
                previous.Purpose == request.Purpose && previous.PhoneNumber == phoneNumber &&
                previous.TransactionDigest == request.Transaction?.Digest && previous.Channel != channel)
            {
                started = await _provider.SwitchChannelAsync(previousRequest, channel, cancellationToken).ConfigureAwait(false);
                started = started with { RequestId = started.RequestId ?? previousRequest };
            }
            else
            {
                if (previous?.ProviderRequestId is { } stale)
                {
                    await _provider.CancelAsync(stale, cancellationToken).ConfigureAwait(false);
                }

                started = await _provider.StartAsync(
                    new ProviderVerificationRequest
                    {
                        To = phoneNumber,
                        Channel = channel,
                        CodeLength = options.CodeLength,
                        Culture = culture,
                        Brand = brand,
                        ClientReference = challengeId,
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            delivery = started.Delivery;
            if (delivery.Succeeded && started.RequestId is { } requestId)
            {
                await _store.SaveChallengeAsync(NewChallenge(request, challengeId, channel, phoneNumber, now, expiresAt) with { ProviderRequestId = requestId }, cancellationToken).ConfigureAwait(false);
            }
            else if (delivery.Succeeded)
            {
                delivery = new PhoneDeliveryResult(PhoneDeliveryStatus.ProviderUnavailable, Detail: "provider returned no request id");
            }
        }
        else
        {
            var channelImpl = _channel ?? throw new InvalidOperationException("No phone channel is registered: call AddVonage() or AddDevelopmentOutbox() on the StepUp builder.");
            var code = CodeGenerator.NewCode(options.CodeLength);
            var hash = await _keys.HashCodeAsync(challengeId, code, cancellationToken).ConfigureAwait(false);
            await _store.SaveChallengeAsync(NewChallenge(request, challengeId, channel, phoneNumber, now, expiresAt) with { CodeHash = hash }, cancellationToken).ConfigureAwait(false);
            var message = _composer.ComposeCode(phoneNumber, code, brand, request.Origin, request.Transaction?.Description, options.CodeLifetime, culture, challengeId);
            delivery = await Deliver(channelImpl, channel, message, cancellationToken).ConfigureAwait(false);
        }

        if (!delivery.Succeeded)
        {
            _logger.DeliveryFailed(channel, delivery.Status, delivery.Detail);
            _metrics.Send(channel, "failed_" + delivery.Status.ToString().ToLowerInvariant());
            await _store.RemoveChallengeAsync(request.UserId, challengeId, releaseCooldown: true, cancellationToken).ConfigureAwait(false);
            var other = channel == PhoneChannel.Sms ? "a voice call" : "a text message";
            return new StartVerificationResult
            {
                Status = StartVerificationStatus.DeliveryFailed,
                Channel = channel,
                DeliveryStatus = delivery.Status,
                MaskedPhoneNumber = masked,
                Message = delivery.Status switch
                {
                    PhoneDeliveryStatus.InvalidNumber => "This number cannot receive codes. Check the number and try again.",
                    PhoneDeliveryStatus.Undeliverable => $"We could not reach this number this way. Try {other}.",
                    _ => $"We could not send the code just now. Try again in a moment, or try {other}.",
                },
            };
        }

        _logger.CodeSent(channel, request.Purpose, challengeId);
        _metrics.Send(channel, "sent");
        return new StartVerificationResult
        {
            Status = StartVerificationStatus.Sent,
            ChallengeId = challengeId,
            Channel = channel,
            MaskedPhoneNumber = masked,
            ExpiresAt = expiresAt,
            RetryAfter = permit.RetryAfter,
            DeliveryStatus = delivery.Status,
            Message = channel == PhoneChannel.Sms
                ? $"We sent a code by text message to {masked}."
                : $"We are calling {masked} to read you a code.",
        };
    }

    /// <summary>Checks a code; on success consumes it and attaches the number (enrolment, change).</summary>
    public async Task<VerifyCodeResult> VerifyAsync(VerifyCodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.UserId);
        var options = _options.CurrentValue;
        var code = CodeGenerator.Normalize(request.Code);
        if (!CodeGenerator.IsWellFormed(code, options.CodeLength) || string.IsNullOrEmpty(request.ChallengeId) || request.ChallengeId.Length > 64)
        {
            return new VerifyCodeResult
            {
                Status = VerifyCodeStatus.InvalidFormat,
                Message = $"Enter the {options.CodeLength}-digit code we sent you.",
            };
        }

        var now = _time.GetUtcNow();
        CodeCheck check;
        if (_provider is null)
        {
            var hash = await _keys.HashCodeAsync(request.ChallengeId, code!, cancellationToken).ConfigureAwait(false);
            check = await _store.CheckCodeAsync(NewCheck(request, hash, null, now, options), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var pending = await _store.GetChallengeAsync(request.UserId, cancellationToken).ConfigureAwait(false);
            if (pending is null || pending.ChallengeId != request.ChallengeId || pending.ExpiresAt <= now || pending.ProviderRequestId is null)
            {
                check = new CodeCheck(CodeCheckStatus.Expired, 0, null);
            }
            else if (pending.Attempts >= options.MaxAttemptsPerCode)
            {
                check = new CodeCheck(CodeCheckStatus.TooManyAttempts, 0, null);
            }
            else
            {
                var verdict = await _provider.CheckAsync(pending.ProviderRequestId, code!, cancellationToken).ConfigureAwait(false);
                switch (verdict.Status)
                {
                    case ProviderCheckStatus.ProviderUnavailable:
                        _logger.ProviderFailed(verdict.Detail);
                        return new VerifyCodeResult
                        {
                            Status = VerifyCodeStatus.ProviderUnavailable,
                            Message = "We could not check the code just now. Try again in a moment.",
                        };
                    case ProviderCheckStatus.Expired:
                        await _store.RemoveChallengeAsync(request.UserId, request.ChallengeId, releaseCooldown: false, cancellationToken).ConfigureAwait(false);
                        check = new CodeCheck(CodeCheckStatus.Expired, 0, null);
                        break;
                    default:
                        check = await _store.CheckCodeAsync(
                            NewCheck(request, null, verdict.Status == ProviderCheckStatus.Verified, now, options),
                            cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }

        if (check.Status != CodeCheckStatus.Verified || check.Challenge is not { } challenge)
        {
            var failed = Failure(check, options);
            _logger.VerificationFailed(failed.Status, failed.AttemptsLeft, request.ChallengeId);
            _metrics.Verification(failed.Status.ToString().ToLowerInvariant());
            await options.Events.VerificationFailed(new VerificationFailedContext
            {
                HttpContext = request.HttpContext,
                UserId = request.UserId,
                Status = failed.Status,
                AttemptsLeft = failed.AttemptsLeft,
            }).ConfigureAwait(false);
            return failed;
        }

        // The code arrived: the next code (another transfer, a new number) need not wait for this one's resend cooldown.
        // It still counts against every send limit. (The cooldown lives in another Redis hash slot: its own round trip.)
        await _store.RemoveChallengeAsync(request.UserId, challenge.ChallengeId, releaseCooldown: true, cancellationToken).ConfigureAwait(false);
        var verified = new VerifiedPhone(challenge.PhoneNumber, now, challenge.Channel);
        if (challenge.Purpose != ChallengePurpose.StepUp)
        {
            // A new number is attached (a step-up leaves the attached number as it is: no write on the common path).
            var previous = challenge.Purpose == ChallengePurpose.ChangePhone
                ? await _store.GetVerifiedPhoneAsync(request.UserId, cancellationToken).ConfigureAwait(false)
                : null;
            await _store.SetVerifiedPhoneAsync(request.UserId, verified, cancellationToken).ConfigureAwait(false);
            if (previous is not null && previous.PhoneNumber != verified.PhoneNumber)
            {
                _logger.PhoneReplaced();
                await NotifyReplacedAsync(previous.PhoneNumber, request, options, cancellationToken).ConfigureAwait(false);
            }
        }

        var maskedVerified = PhoneNumberParser.Mask(verified.PhoneNumber);
        _logger.PhoneVerified(challenge.Channel, challenge.Purpose, challenge.ChallengeId);
        _metrics.Verification("verified");
        await options.Events.PhoneVerified(new PhoneVerifiedContext
        {
            HttpContext = request.HttpContext,
            UserId = request.UserId,
            Channel = challenge.Channel,
            Purpose = challenge.Purpose,
            MaskedPhoneNumber = maskedVerified,
        }).ConfigureAwait(false);

        return new VerifyCodeResult
        {
            Status = VerifyCodeStatus.Verified,
            Message = "Your phone is verified.",
            Purpose = challenge.Purpose,
            Channel = challenge.Channel,
            TransactionDigest = challenge.TransactionDigest,
            Phone = verified,
            AttemptsLeft = check.AttemptsLeft,
        };
    }

    /// <summary>Cancels the user's pending code: nothing is attached and nothing is granted.</summary>
    public async Task CancelAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var pending = await _store.GetChallengeAsync(userId, cancellationToken).ConfigureAwait(false);
        if (pending is null)
        {
            return;
        }

        await _store.RemoveChallengeAsync(userId, pending.ChallengeId, releaseCooldown: false, cancellationToken).ConfigureAwait(false);
        if (_provider is not null && pending.ProviderRequestId is { } requestId)
        {
            await _provider.CancelAsync(requestId, cancellationToken).ConfigureAwait(false);
        }
    }

    private static PendingChallenge NewChallenge(StartVerificationRequest request, string id, PhoneChannel channel, string phone, DateTimeOffset now, DateTimeOffset expiresAt) =>
        new()
        {
            ChallengeId = id,
            UserId = request.UserId,
            Purpose = request.Purpose,
            Channel = channel,
            PhoneNumber = phone,
            TransactionDigest = request.Transaction?.Digest,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };

    private static CodeCheckRequest NewCheck(VerifyCodeRequest request, byte[]? hash, bool? verdict, DateTimeOffset now, StepUpOptions options) =>
        new(request.UserId, request.ChallengeId, hash, verdict, now, options.MaxAttemptsPerCode, options.MaxFailuresPerUser, options.FailureWindow);

    private static VerifyCodeResult Failure(CodeCheck check, StepUpOptions options) => check.Status switch
    {
        CodeCheckStatus.WrongCode when check.AttemptsLeft > 0 => new VerifyCodeResult
        {
            Status = VerifyCodeStatus.WrongCode,
            AttemptsLeft = check.AttemptsLeft,
            Message = check.AttemptsLeft == 1 ? "That code is not right. 1 try left." : $"That code is not right. {check.AttemptsLeft} tries left.",
        },
        CodeCheckStatus.WrongCode or CodeCheckStatus.TooManyAttempts => new VerifyCodeResult
        {
            Status = VerifyCodeStatus.TooManyAttempts,
            Message = "Too many wrong codes. Request a new code later.",
        },
        _ => new VerifyCodeResult
        {
            Status = VerifyCodeStatus.Expired,
            Message = $"This code has expired or was replaced. Request a new code (codes are valid for {Math.Round(options.CodeLifetime.TotalMinutes)} minutes).",
        },
    };

    private static StartVerificationResult Refused(StartVerificationStatus status, PhoneChannel channel, string message) =>
        new() { Status = status, Channel = channel, Message = message };

    private static Task<PhoneDeliveryResult> Deliver(IPhoneChannel channel, PhoneChannel how, PhoneMessage message, CancellationToken cancellationToken) =>
        how == PhoneChannel.Sms ? channel.SendTextAsync(message, cancellationToken) : channel.PlaceCallAsync(message, cancellationToken);

    private async Task NotifyReplacedAsync(string oldNumber, VerifyCodeRequest request, StepUpOptions options, CancellationToken cancellationToken)
    {
        if (_channel is null)
        {
            return;
        }

        var brand = options.Brand ?? request.HttpContext?.Request.Host.Host ?? "StepUp";
        var notice = _composer.ComposePhoneChangedNotice(oldNumber, brand, CultureInfo.CurrentUICulture, CodeGenerator.NewId());
        try
        {
            var result = await _channel.SendTextAsync(notice, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                _logger.PhoneChangedNoticeFailed(result.Status);
            }
        }
        catch (HttpRequestException)
        {
            _logger.PhoneChangedNoticeFailed(PhoneDeliveryStatus.ProviderUnavailable);
        }
    }
}
