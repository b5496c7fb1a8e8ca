using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore.Diagnostics;
using StepUp.AspNetCore.Grants;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Transactions;
using StepUp.AspNetCore.Verification;

namespace StepUp.AspNetCore.Endpoints;

/// <summary>The in-app step-up as the pages and the JSON API run it: send, verify (then grant), cancel.</summary>
internal sealed class InAppStepUp(
    PhoneVerificationService verification,
    StepUpSessionManager sessions,
    TransactionTicket tickets,
    IOptionsMonitor<StepUpOptions> options,
    IUrlHelperFactory urlHelpers,
    ILogger<InAppStepUp> logger)
{
    private const int MaxReturnUrlLength = 2048;

    public string RequireUserId(HttpContext context) => sessions.GetUserId(context.User)
        ?? throw new InvalidOperationException("The signed-in user has no id claim; see StepUp:UserIdClaimTypes.");

    public Task<PhoneVerificationState> GetStateAsync(HttpContext context) =>
        verification.GetStateAsync(RequireUserId(context), context.RequestAborted);

    /// <summary>The channels offered: the app's, narrowed by the requirement's hint in the query (re-checked at authorization).</summary>
    public PhoneChannels OfferedChannels(string? hint)
    {
        var allowed = options.CurrentValue.AllowedChannels;
        return Enum.TryParse<PhoneChannels>(hint, ignoreCase: true, out var narrowed) && (narrowed & allowed) != PhoneChannels.None
            ? narrowed & allowed
            : allowed;
    }

    public async Task<bool> HasFreshGrantAsync(HttpContext context) =>
        sessions.DirectorySatisfies(context.User, options.CurrentValue.DefaultMaxAge) ||
        await sessions.FindGrantAsync(context.User, options.CurrentValue.DefaultMaxAge, PhoneChannels.All, context.RequestAborted).ConfigureAwait(false) is not null;

    public async Task<StepUpGrant?> CurrentGrantAsync(HttpContext context) =>
        await sessions.FindGrantAsync(context.User, options.CurrentValue.GrantLifetime, PhoneChannels.All, context.RequestAborted).ConfigureAwait(false);

    /// <summary>The transaction a ticket stands for, when it is genuine, unexpired and the signed-in user's.</summary>
    public StepUpTransaction? ReadTransaction(HttpContext context, string? ticket) => tickets.Unprotect(ticket, RequireUserId(context));

    public Task<StartVerificationResult> SendAsync(
        HttpContext context, ChallengePurpose purpose, PhoneChannel channel, string? phoneNumber, PhoneChannels allowed, StepUpTransaction? transaction = null) =>
        verification.StartAsync(
            new StartVerificationRequest
            {
                UserId = RequireUserId(context),
                Purpose = purpose,
                Channel = channel,
                PhoneNumber = phoneNumber,
                AllowedChannels = allowed,
                Transaction = transaction,
                ClientAddress = context.Connection.RemoteIpAddress,
                Origin = context.Request.Host.Host,
                Culture = CultureInfo.CurrentUICulture,
                HttpContext = context,
            },
            context.RequestAborted);

    public async Task<VerifyCodeResult> VerifyAsync(HttpContext context, string? challengeId, string? code)
    {
        var result = await verification.VerifyAsync(
            new VerifyCodeRequest { UserId = RequireUserId(context), ChallengeId = challengeId ?? string.Empty, Code = code ?? string.Empty, HttpContext = context },
            context.RequestAborted).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await sessions.GrantAsync(context, result).ConfigureAwait(false);
        }

        return result;
    }

    public Task CancelAsync(HttpContext context) => verification.CancelAsync(RequireUserId(context), context.RequestAborted);

    /// <summary>The return URL when it is local and clean; otherwise the app root. Never an open redirect.</summary>
    public string SafeReturnUrl(HttpContext context, string? returnUrl)
    {
        var fallback = context.Request.PathBase.HasValue ? context.Request.PathBase.Value! : "/";
        if (string.IsNullOrEmpty(returnUrl))
        {
            return fallback;
        }

        // Only printable ASCII: a control character or a backslash changes how browsers read the URL, and anything beyond
        // ASCII (U+2028, "é") cannot go into a Location header at all (Kestrel refuses it with a 500).
        var clean = returnUrl.Length <= MaxReturnUrlLength && !returnUrl.Any(c => char.IsControl(c) || c == '\\' || c > '\u007E');
        var url = urlHelpers.GetUrlHelper(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        if (clean && url.IsLocalUrl(returnUrl))
        {
            return returnUrl;
        }

        logger.ReturnUrlRejected();
        return fallback;
    }
}
