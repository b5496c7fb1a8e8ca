using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Challenges;
using StepUp.AspNetCore.Development;
using StepUp.AspNetCore.Endpoints;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Verification;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps StepUp's pages and JSON API.</summary>
public static class StepUpEndpointRouteBuilderExtensions
{
    private const long MaxBodyBytes = 4096;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Maps the step-up pages (Razor Pages, overridable like Identity UI) and the JSON API under <see cref="StepUpOptions.ApiPath"/>:
    /// <c>GET status</c>, <c>POST challenges</c>, <c>POST challenges/verify</c>, <c>DELETE challenges/current</c>,
    /// <c>POST phone/challenges</c> (change the attached number; itself protected), and in Development <c>GET dev/outbox</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapStepUp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<StepUpOptions>>().Value;
        endpoints.MapRazorPages();

        var api = endpoints.MapGroup(options.ApiPath).RequireAuthorization().AddEndpointFilter(FailClosedOnStoreOutage);
        api.MapGet("/status", GetStatusAsync);
        api.MapPost("/challenges", (HttpContext context, InAppStepUp flow) => StartAsync(context, flow, changePhone: false));
        api.MapPost("/challenges/verify", VerifyAsync);
        api.MapDelete("/challenges/current", async (HttpContext context, InAppStepUp flow) =>
        {
            await flow.CancelAsync(context).ConfigureAwait(false);
            return Results.NoContent();
        });
        api.MapPost("/phone/challenges", (HttpContext context, InAppStepUp flow) => StartAsync(context, flow, changePhone: true)).RequirePhoneMfa();

        if (endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment() &&
            endpoints.ServiceProvider.GetService<DevelopmentOutbox>() is not null)
        {
            endpoints.MapGet(options.ApiPath + "/dev/outbox", (DevelopmentOutbox outbox) => Results.Ok(outbox.Messages)).AllowAnonymous();
        }

        return api;
    }

    private static async ValueTask<object?> FailClosedOnStoreOutage(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (StepUpStoreException)
        {
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status503ServiceUnavailable, "Phone verification is temporarily unavailable", "We cannot reach the verification service right now. Please try again in a moment.");
        }
    }

    private static async Task<IResult> GetStatusAsync(HttpContext context, InAppStepUp flow)
    {
        var state = await flow.GetStateAsync(context).ConfigureAwait(false);
        var grant = await flow.CurrentGrantAsync(context).ConfigureAwait(false);
        return Results.Ok(new
        {
            hasPhone = state.HasVerifiedPhone,
            maskedPhoneNumber = state.MaskedPhoneNumber,
            phoneVerifiedAt = state.PhoneVerifiedAt,
            channels = StepUpChallengeWriter.ChannelNames(flow.OfferedChannels(null)),
            pending = state.Pending is { } p
                ? new { challengeId = p.ChallengeId, channel = Name(p.Channel), maskedPhoneNumber = p.MaskedPhoneNumber, expiresAt = p.ExpiresAt, attemptsLeft = p.AttemptsLeft }
                : null,
            stepUp = grant is null ? null : new { verifiedAt = grant.VerifiedAt, channel = Name(grant.Channel) },
        });
    }

    private static async Task<IResult> StartAsync(HttpContext context, InAppStepUp flow, bool changePhone)
    {
        var (body, error) = await ReadBodyAsync<StartChallengeBody>(context).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!TryParseChannel(body!.Channel, out var channel))
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown channel", "Set \"channel\" to \"sms\" or \"voice\".");
        }

        ChallengePurpose purpose;
        if (changePhone)
        {
            purpose = ChallengePurpose.ChangePhone;
        }
        else
        {
            var state = await flow.GetStateAsync(context).ConfigureAwait(false);
            purpose = state.HasVerifiedPhone ? ChallengePurpose.StepUp : ChallengePurpose.Enrollment;
            if (purpose == ChallengePurpose.StepUp && !string.IsNullOrEmpty(body.PhoneNumber))
            {
                return Problem(StatusCodes.Status409Conflict, "A phone is already attached",
                    $"Codes go to the attached number. To replace it, verify it first and use {context.Request.PathBase}{ApiPath(context)}/phone/challenges.");
            }
        }

        StepUp.AspNetCore.Transactions.StepUpTransaction? transaction = null;
        if (!string.IsNullOrEmpty(body.Transaction) && (changePhone || (transaction = flow.ReadTransaction(context, body.Transaction)) is null))
        {
            return Problem(StatusCodes.Status400BadRequest, "Approval expired", "This approval request is not valid any more. Start the operation again.");
        }

        var result = await flow.SendAsync(context, purpose, channel, body.PhoneNumber, flow.OfferedChannels(null), transaction).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return Results.Json(
                new
                {
                    challengeId = result.ChallengeId,
                    channel = Name(result.Channel),
                    maskedPhoneNumber = result.MaskedPhoneNumber,
                    expiresAt = result.ExpiresAt,
                    resendAfterSeconds = (int)Math.Ceiling(result.RetryAfter?.TotalSeconds ?? 0),
                    approving = transaction?.Description,
                    message = result.Message,
                },
                statusCode: StatusCodes.Status202Accepted);
        }

        if (result.RetryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        var (status, title) = result.Status switch
        {
            StartVerificationStatus.PhoneNumberRequired => (StatusCodes.Status400BadRequest, "Phone number required"),
            StartVerificationStatus.InvalidPhoneNumber => (StatusCodes.Status400BadRequest, "Invalid phone number"),
            StartVerificationStatus.CountryNotAllowed => (StatusCodes.Status400BadRequest, "Country not allowed"),
            StartVerificationStatus.ChannelNotAllowed => (StatusCodes.Status400BadRequest, "Channel not allowed"),
            StartVerificationStatus.PhoneAlreadyAttached => (StatusCodes.Status409Conflict, "A phone is already attached"),
            StartVerificationStatus.RateLimited => (StatusCodes.Status429TooManyRequests, "Too many codes requested"),
            _ => (StatusCodes.Status424FailedDependency, "The code could not be delivered"),
        };
        var problem = Problem(status, title, result.Message);
        if (result.Status == StartVerificationStatus.DeliveryFailed)
        {
            problem.ProblemDetails.Extensions["otherChannel"] = result.Channel == PhoneChannel.Sms ? "voice" : "sms";
        }

        if (result.RetryAfter is { } wait)
        {
            problem.ProblemDetails.Extensions["retryAfterSeconds"] = (int)Math.Ceiling(wait.TotalSeconds);
        }

        return problem;
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, InAppStepUp flow)
    {
        var (body, error) = await ReadBodyAsync<VerifyChallengeBody>(context).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var result = await flow.VerifyAsync(context, body!.ChallengeId, body.Code).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return Results.Ok(new
            {
                verified = true,
                channel = Name(result.Channel),
                maskedPhoneNumber = result.Phone is null ? null : StepUp.AspNetCore.Phones.PhoneNumberParser.Mask(result.Phone.PhoneNumber),
                returnUrl = flow.SafeReturnUrl(context, body.ReturnUrl),
            });
        }

        var (status, title) = result.Status switch
        {
            VerifyCodeStatus.InvalidFormat => (StatusCodes.Status400BadRequest, "Invalid code"),
            VerifyCodeStatus.WrongCode => (StatusCodes.Status400BadRequest, "Wrong code"),
            VerifyCodeStatus.Expired => (StatusCodes.Status410Gone, "Code expired"),
            VerifyCodeStatus.TooManyAttempts => (StatusCodes.Status429TooManyRequests, "Too many attempts"),
            _ => (StatusCodes.Status424FailedDependency, "The code could not be checked"),
        };
        var problem = Problem(status, title, result.Message);
        if (result.Status == VerifyCodeStatus.WrongCode)
        {
            problem.ProblemDetails.Extensions["attemptsLeft"] = result.AttemptsLeft;
        }

        return problem;
    }

    private static async Task<(T? Body, IResult? Error)> ReadBodyAsync<T>(HttpContext context)
        where T : class
    {
        // Only JSON: a cross-site form cannot send it without a CORS preflight, which protects this cookie-authenticated API.
        if (!context.Request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "JSON required", "Send the request body as application/json."));
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The request body must be at most {MaxBodyBytes} bytes."));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
            return body is null
                ? (null, Problem(StatusCodes.Status400BadRequest, "Invalid request", "The request body must be a JSON object."))
                : (body, null);
        }
        catch (JsonException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid request", "The request body is not valid JSON for this endpoint."));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The request body must be at most {MaxBodyBytes} bytes."));
        }
    }

    private static bool TryParseChannel(string? value, out PhoneChannel channel)
    {
        switch (value?.ToUpperInvariant())
        {
            case "SMS" or "TEXT":
                channel = PhoneChannel.Sms;
                return true;
            case "VOICE" or "CALL":
                channel = PhoneChannel.Voice;
                return true;
            default:
                channel = default;
                return false;
        }
    }

    private static string Name(PhoneChannel channel) => channel == PhoneChannel.Sms ? "sms" : "voice";

    private static string ApiPath(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<StepUpOptions>>().Value.ApiPath;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
