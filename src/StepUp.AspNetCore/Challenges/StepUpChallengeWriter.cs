using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StepUp.AspNetCore.Authorization;
using StepUp.AspNetCore.Diagnostics;

namespace StepUp.AspNetCore.Challenges;

/// <summary>
/// Writes the answer of a protected endpoint whose phone requirement is unmet: a redirect to the step-up page, a directory
/// challenge, or (for API requests) 401 with RFC 9470 <c>WWW-Authenticate</c> and ProblemDetails; 503 when the store is down.
/// </summary>
internal sealed class StepUpChallengeWriter(
    IOptionsMonitor<StepUpOptions> options,
    IServiceProvider services,
    StepUpMetrics metrics,
    ILogger<StepUpChallengeWriter> logger)
{
    public async Task ChallengeAsync(HttpContext context, PhoneMfaShortfall reason)
    {
        var current = options.CurrentValue;
        var isApi = IsApiRequest(context.Request);
        if (reason.StoreUnavailable)
        {
            await WriteUnavailableAsync(context, isApi).ConfigureAwait(false);
            return;
        }

        var requirement = reason.Requirement;
        var mode = requirement.EffectiveMode(current);
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        var challenge = new StepUpChallengeContext
        {
            HttpContext = context,
            Requirement = requirement,
            MaxAge = reason.MaxAge,
            Mode = mode,
            IsApiRequest = isApi,
            ReturnUrl = returnUrl,
        };
        await current.Events.Challenge(challenge).ConfigureAwait(false);
        if (challenge.Handled)
        {
            return;
        }

        if (isApi)
        {
            logger.ChallengeIssued(mode, "401");
            metrics.Challenge(mode, "401");
            await WriteApiChallengeAsync(context, requirement.EffectiveChannels(current), reason.MaxAge, mode, current, null).ConfigureAwait(false);
            return;
        }

        if (mode == StepUpMode.DirectoryRedirect)
        {
            logger.ChallengeIssued(mode, "directory");
            metrics.Challenge(mode, "directory");
            var directory = services.GetService<IDirectoryStepUpChallenge>() ?? throw new InvalidOperationException(
                "A [RequirePhoneMfa] requirement uses DirectoryRedirect mode but no directory redirect is registered: call AddOpenIdConnectRedirect() from StepUp.OpenIdConnect.");
            await directory.ChallengeAsync(context, requirement, reason.MaxAge, returnUrl).ConfigureAwait(false);
            return;
        }

        logger.ChallengeIssued(mode, "redirect");
        metrics.Challenge(mode, "redirect");
        var location = context.Request.PathBase + current.StepUpPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var channels = requirement.EffectiveChannels(current);
        if (channels != PhoneChannels.All)
        {
            location += "&channels=" + Uri.EscapeDataString(channels.ToString());
        }

        context.Response.Redirect(location);
    }

    /// <summary>The reason for a requirement that was not explained by the handler (resource was not an HttpContext).</summary>
    public PhoneMfaShortfall DefaultShortfall(PhoneMfaRequirement requirement) =>
        new(requirement, requirement.EffectiveMaxAge(options.CurrentValue), StoreUnavailable: false);

    /// <summary>API request: bearer credentials, a JSON body, XMLHttpRequest, or JSON preferred over HTML.</summary>
    public static bool IsApiRequest(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (request.HasJsonContentType())
        {
            return true; // A browser navigation never sends a JSON body.
        }

        var accept = request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The challenge for an operation that needs its own approval: a code bound to <paramref name="transaction"/>.</summary>
    public async Task TransactionChallengeAsync(HttpContext context, Transactions.StepUpTransaction transaction, string ticket, string returnUrl)
    {
        var current = options.CurrentValue;
        if (IsApiRequest(context.Request))
        {
            logger.ChallengeIssued(StepUpMode.InApp, "401");
            metrics.Challenge(StepUpMode.InApp, "401");
            await WriteApiChallengeAsync(context, current.AllowedChannels, current.DefaultMaxAge, StepUpMode.InApp, current, problem =>
            {
                problem.Detail = $"Approve this operation with a code sent to your phone: {transaction.Description}.";
                problem.Extensions["transaction"] = ticket;
                problem.Extensions["transaction_description"] = transaction.Description;
            }).ConfigureAwait(false);
            return;
        }

        logger.ChallengeIssued(StepUpMode.InApp, "redirect");
        metrics.Challenge(StepUpMode.InApp, "redirect");
        context.Response.Redirect(context.Request.PathBase + current.StepUpPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl) +
            "&transaction=" + Uri.EscapeDataString(ticket));
    }

    /// <summary>503: the store cannot be reached; nothing is granted (fail closed).</summary>
    public Task UnavailableAsync(HttpContext context) => WriteUnavailableAsync(context, IsApiRequest(context.Request));

    private static async Task WriteApiChallengeAsync(
        HttpContext context, PhoneChannels channels, TimeSpan maxAge, StepUpMode mode, StepUpOptions options, Action<ProblemDetails>? decorate)
    {
        var seconds = ((long)Math.Ceiling(maxAge.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        const string description = "A phone verification (text message or voice call) is required";
        context.Response.Headers.Append(
            HeaderNames.WWWAuthenticate,
            $"Bearer error=\"{StepUpDefaults.InsufficientUserAuthentication}\", error_description=\"{description}\", acr_values=\"{options.AcrValues}\", max_age={seconds}");

        var problem = new ProblemDetails
        {
            Type = "https://www.rfc-editor.org/rfc/rfc9470",
            Title = "Phone verification required",
            Status = StatusCodes.Status401Unauthorized,
            Detail = description + ".",
            Instance = context.Request.Path,
        };
        problem.Extensions["error"] = StepUpDefaults.InsufficientUserAuthentication;
        problem.Extensions["acr_values"] = options.AcrValues;
        problem.Extensions["max_age"] = (long)Math.Ceiling(maxAge.TotalSeconds);
        problem.Extensions["channels"] = ChannelNames(channels);
        if (mode == StepUpMode.InApp)
        {
            problem.Extensions["status_endpoint"] = context.Request.PathBase + options.ApiPath + "/status";
            problem.Extensions["challenge_endpoint"] = context.Request.PathBase + options.ApiPath + "/challenges";
        }

        decorate?.Invoke(problem);

        await WriteProblemAsync(context, problem).ConfigureAwait(false);
    }

    private async Task WriteUnavailableAsync(HttpContext context, bool isApi)
    {
        metrics.Challenge(StepUpMode.Default, "503");
        context.Response.Headers.RetryAfter = "5";
        var problem = new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
            Title = "Phone verification is temporarily unavailable",
            Status = StatusCodes.Status503ServiceUnavailable,
            Detail = "We cannot check your phone verification right now, so this page is not available. Please try again in a moment.",
        };
        if (isApi)
        {
            await WriteProblemAsync(context, problem).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            "<title>Temporarily unavailable</title></head><body><main><h1>Temporarily unavailable</h1><p>" + problem.Detail +
            "</p><p><a href=\"/\">Go to the home page</a></p></main></body></html>",
            context.RequestAborted).ConfigureAwait(false);
    }

    internal static Task WriteProblemAsync(HttpContext context, ProblemDetails problem)
    {
        var result = TypedResults.Problem(problem);
        return result.ExecuteAsync(context);
    }

    internal static string[] ChannelNames(PhoneChannels channels) =>
        [.. new[] { PhoneChannel.Sms, PhoneChannel.Voice }.Where(c => channels.Allows(c)).Select(c => c == PhoneChannel.Sms ? "sms" : "voice")];

}
