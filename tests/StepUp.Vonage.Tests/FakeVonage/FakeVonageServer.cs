using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StepUp.Vonage.Tests.FakeVonage;

/// <summary>
/// A local stand-in for Vonage: Kestrel on 127.0.0.1, a free port, real HTTP. It speaks the documented shapes of the SMS API
/// (<c>POST /sms/json</c>), the Voice API (<c>POST /v1/calls</c>) and Verify v2 (<c>/v2/verify</c>), checks credentials the way
/// Vonage does (API key and secret in the SMS body; Basic or an RS256 JWT in the Authorization header), records every request,
/// and can be told to fail the next requests of an endpoint in each documented way (<see cref="FakeReply"/>).
/// </summary>
public sealed class FakeVonageServer : IAsyncDisposable
{
    public const string Sms = "POST /sms/json";
    public const string Calls = "POST /v1/calls";
    public const string VerifyStart = "POST /v2/verify";
    public const string VerifyCheck = "POST /v2/verify/{id}";
    public const string VerifyCancel = "DELETE /v2/verify/{id}";
    public const string VerifyNext = "POST /v2/verify/{id}/next_workflow";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeReply>> _scripts = new();
    private readonly ConcurrentDictionary<string, FakeVerification> _verifications = new();
    private readonly ConcurrentQueue<FakeDelivery> _deliveries = new();
    private readonly Lock _waitersLock = new();
    private readonly List<(string Endpoint, int Count, TaskCompletionSource Signal)> _waiters = [];

    private FakeVonageServer(WebApplication app, FakeVonageCredentials credentials)
    {
        _app = app;
        Credentials = credentials;
    }

    public FakeVonageCredentials Credentials { get; }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:43123/</c>: use it for both SmsBaseUrl and ApiBaseUrl.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The codes Verify v2 "sent", in order.</summary>
    public IReadOnlyList<FakeDelivery> Deliveries => [.. _deliveries];

    /// <summary>The verifications Verify v2 knows, by request id.</summary>
    public IReadOnlyDictionary<string, FakeVerification> Verifications => _verifications;

    public static async Task<FakeVonageServer> StartAsync(FakeVonageCredentials? credentials = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeVonageServer(app, credentials ?? FakeVonageCredentials.Instance);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>The requests that reached <paramref name="endpoint"/> (one of the constants, e.g. <see cref="Sms"/>).</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string endpoint) => [.. _requests.Where(r => EndpointOf(r.Method, r.Path) == endpoint)];

    /// <summary>The next requests to <paramref name="endpoint"/> get these answers, in order; later ones behave normally.</summary>
    public void Script(string endpoint, params FakeReply[] replies)
    {
        var queue = _scripts.GetOrAdd(endpoint, _ => new ConcurrentQueue<FakeReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>Completes when <paramref name="endpoint"/> has received <paramref name="count"/> requests.</summary>
    public Task WaitForRequestsAsync(string endpoint, int count)
    {
        lock (_waitersLock)
        {
            if (RequestsTo(endpoint).Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((endpoint, count, signal));

            // A guard against a hung test run, not an assertion on time.
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static async Task WriteProblemAsync(HttpContext context, int status, string title, string type, (string Name, string Reason)[] invalidParameters)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var body = new JsonObject
        {
            ["type"] = type,
            ["title"] = title,
            ["detail"] = "Details that may quote the request, such as +31612345678.",
            ["instance"] = Guid.NewGuid().ToString(),
        };
        if (invalidParameters.Length > 0)
        {
            body["invalid_parameters"] = new JsonArray([.. invalidParameters.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["reason"] = p.Reason })]);
        }

        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static string EndpointOf(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        return (method, segments) switch
        {
            ("POST", ["sms", "json"]) => Sms,
            ("POST", ["v1", "calls"]) => Calls,
            ("POST", ["v2", "verify"]) => VerifyStart,
            ("POST", ["v2", "verify", _]) => VerifyCheck,
            ("DELETE", ["v2", "verify", _]) => VerifyCancel,
            ("POST", ["v2", "verify", _, "next_workflow"]) => VerifyNext,
            _ => method + " " + path,
        };
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        var endpoint = EndpointOf(request.Method, request.Path);
        Signal();

        if (_scripts.TryGetValue(endpoint, out var queue) && queue.TryDequeue(out var reply))
        {
            await reply.WriteAsync(context);
            return;
        }

        var requestId = request.Path.Trim('/').Split('/') is [_, _, var id, ..] ? id : string.Empty;
        switch (endpoint)
        {
            case Sms:
                await SendSmsAsync(context, request);
                break;
            case Calls:
                await CreateCallAsync(context, request);
                break;
            case VerifyStart:
                await StartVerificationAsync(context, request);
                break;
            case VerifyCheck:
                await CheckCodeAsync(context, request, requestId);
                break;
            case VerifyCancel:
                await CancelAsync(context, request, requestId);
                break;
            case VerifyNext:
                await NextWorkflowAsync(context, request, requestId);
                break;
            default:
                await WriteProblemAsync(context, 404, "Not Found", "https://developer.vonage.com/api-errors#not-found", []);
                break;
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
        {
            foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body))
            {
                form[key] = value.ToString();
            }
        }

        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType,
            body,
            form);
        _requests.Enqueue(recorded);
        return recorded;
    }

    private void Signal()
    {
        lock (_waitersLock)
        {
            foreach (var waiter in _waiters.ToList())
            {
                if (RequestsTo(waiter.Endpoint).Count >= waiter.Count)
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    // SMS API: credentials in the body, HTTP 200 with a per-message status even on errors.
    private async Task SendSmsAsync(HttpContext context, RecordedRequest request)
    {
        var form = request.Form;
        int status;
        if (!form.ContainsKey("api_key") || !form.ContainsKey("from") || !form.ContainsKey("to") || !form.ContainsKey("text"))
        {
            status = 2;
        }
        else if (form["api_key"] != Credentials.ApiKey || form.GetValueOrDefault("api_secret") != Credentials.ApiSecret)
        {
            status = 4;
        }
        else
        {
            status = 0;
        }

        await FakeReply.SmsStatus(status).WriteAsync(context);
    }

    // Voice API: RS256 JWT of the application; 201 with the call's uuid.
    private async Task CreateCallAsync(HttpContext context, RecordedRequest request)
    {
        if (!await IsValidJwtAsync(request))
        {
            await WriteProblemAsync(context, 401, "Unauthorized", "https://developer.vonage.com/api-errors#unauthorized", []);
            return;
        }

        await FakeReply.Status(201, new Dictionary<string, string>
        {
            ["uuid"] = "63f61863-4a51-4f6b-86e1-46edebcf9356",
            ["status"] = "started",
            ["direction"] = "outbound",
            ["conversation_uuid"] = "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
        }).WriteAsync(context);
    }

    // Verify v2: Basic or JWT; validates like Vonage (brand, client_ref, code_length); one verification per number at a time.
    private async Task StartVerificationAsync(HttpContext context, RecordedRequest request)
    {
        if (!await IsAuthorizedForVerifyAsync(request))
        {
            await WriteProblemAsync(context, 401, "Unauthorized", "https://developer.vonage.com/api-errors#unauthorized", []);
            return;
        }

        var body = JsonNode.Parse(request.Body)!.AsObject();
        var brand = (string?)body["brand"] ?? string.Empty;
        var clientRef = (string?)body["client_ref"];
        var codeLength = (int?)body["code_length"] ?? 4;
        var workflow = body["workflow"]!.AsArray().Select(w => (Channel: (string)w!["channel"]!, To: (string)w["to"]!)).ToList();
        var invalid = new List<(string, string)>();
        if (brand.Length is 0 or > 18 || brand.IndexOfAny(['/', '{', '}', ':', '$']) >= 0)
        {
            invalid.Add(("brand", "Brand is invalid"));
        }

        if (clientRef is not null && (clientRef.Length > 40 || !clientRef.All(char.IsAsciiLetterOrDigit)))
        {
            invalid.Add(("client_ref", "Invalid client_ref"));
        }

        if (workflow.Any(w => w.To.StartsWith('+') || !w.To.All(char.IsAsciiDigit)))
        {
            invalid.Add(("workflow[0].to", "Invalid number"));
        }

        if (invalid.Count > 0)
        {
            await WriteProblemAsync(context, 422, "Invalid params", "https://developer.vonage.com/en/api-errors#invalid-params", [.. invalid]);
            return;
        }

        var to = workflow[0].To;
        if (_verifications.Values.Any(v => v.To == to && v.Status == "in_progress"))
        {
            await WriteProblemAsync(context, 409, "Conflict", "https://developer.vonage.com/en/api-errors/verify-v2#concurrent", []);
            return;
        }

        var verification = new FakeVerification
        {
            RequestId = Guid.NewGuid().ToString(),
            To = to,
            Channels = [.. workflow.Select(w => w.Channel)],
            Code = string.Concat(Enumerable.Range(0, codeLength).Select(_ => RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture))),
        };
        _verifications[verification.RequestId] = verification;
        _deliveries.Enqueue(new FakeDelivery(verification.RequestId, to, verification.CurrentChannel, verification.Code));
        await FakeReply.Status(202, new Dictionary<string, string> { ["request_id"] = verification.RequestId }).WriteAsync(context);
    }

    private async Task CheckCodeAsync(HttpContext context, RecordedRequest request, string requestId)
    {
        if (!await IsAuthorizedForVerifyAsync(request))
        {
            await WriteProblemAsync(context, 401, "Unauthorized", "https://developer.vonage.com/api-errors#unauthorized", []);
            return;
        }

        if (!_verifications.TryGetValue(requestId, out var verification) || verification.Status is "completed" or "cancelled")
        {
            await WriteProblemAsync(context, 404, "Not Found", "https://developer.vonage.com/en/api-errors/verify-v2#request-not-found", []);
            return;
        }

        if (verification.Status == "failed")
        {
            await WriteProblemAsync(context, 410, "Invalid Code", "https://developer.vonage.com/en/api-errors/verify-v2#expired", []);
            return;
        }

        var code = (string?)JsonNode.Parse(request.Body)?["code"];
        if (code == verification.Code)
        {
            verification.Status = "completed";
            await FakeReply.Status(200, new Dictionary<string, string> { ["request_id"] = requestId, ["status"] = "completed" }).WriteAsync(context);
            return;
        }

        // "The PIN code can be retried a maximum of three times."
        verification.WrongTries++;
        if (verification.WrongTries >= 3)
        {
            verification.Status = "failed";
            await WriteProblemAsync(context, 410, "Invalid Code", "https://developer.vonage.com/en/api-errors/verify-v2#expired", []);
            return;
        }

        await WriteProblemAsync(context, 400, "Invalid Code", "https://developer.vonage.com/en/api-errors/verify-v2#invalid-code", []);
    }

    private async Task CancelAsync(HttpContext context, RecordedRequest request, string requestId)
    {
        if (!await IsAuthorizedForVerifyAsync(request))
        {
            await WriteProblemAsync(context, 401, "Unauthorized", "https://developer.vonage.com/api-errors#unauthorized", []);
            return;
        }

        if (!_verifications.TryGetValue(requestId, out var verification) || verification.Status != "in_progress")
        {
            await WriteProblemAsync(context, 404, "Not Found", "https://developer.vonage.com/en/api-errors/verify-v2#request-not-found", []);
            return;
        }

        verification.Status = "cancelled";
        context.Response.StatusCode = 204;
    }

    private async Task NextWorkflowAsync(HttpContext context, RecordedRequest request, string requestId)
    {
        if (!await IsAuthorizedForVerifyAsync(request))
        {
            await WriteProblemAsync(context, 401, "Unauthorized", "https://developer.vonage.com/api-errors#unauthorized", []);
            return;
        }

        if (!_verifications.TryGetValue(requestId, out var verification) || verification.Status != "in_progress")
        {
            await WriteProblemAsync(context, 404, "Not Found", "https://developer.vonage.com/en/api-errors/verify-v2#request-not-found", []);
            return;
        }

        if (verification.Step + 1 >= verification.Channels.Count)
        {
            await WriteProblemAsync(context, 409, "Conflict", "https://developer.vonage.com/en/api-errors/verify-v2#conflict", []);
            return;
        }

        verification.Step++;
        _deliveries.Enqueue(new FakeDelivery(verification.RequestId, verification.To, verification.CurrentChannel, verification.Code));
        context.Response.StatusCode = 200;
    }

    private async Task<bool> IsAuthorizedForVerifyAsync(RecordedRequest request)
    {
        var authorization = request.Header("Authorization") ?? string.Empty;
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials.ApiKey + ":" + Credentials.ApiSecret));
            return authorization["Basic ".Length..] == expected;
        }

        return await IsValidJwtAsync(request);
    }

    private async Task<bool> IsValidJwtAsync(RecordedRequest request)
    {
        var authorization = request.Header("Authorization") ?? string.Empty;
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            IssuerSigningKey = Credentials.PublicKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        return result.IsValid && result.Claims.TryGetValue("application_id", out var id) && (string)id == Credentials.ApplicationId;
    }
}
