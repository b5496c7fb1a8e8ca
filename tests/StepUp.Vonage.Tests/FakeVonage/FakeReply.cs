using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StepUp.Vonage.Tests.FakeVonage;

/// <summary>A scripted answer that replaces the fake's normal behaviour for one request.</summary>
public abstract record FakeReply
{
    /// <summary>Answers with an HTTP status and an optional JSON body and headers.</summary>
    public static FakeReply Status(int status, object? body = null, params (string Name, string Value)[] headers) => new StatusReply(status, body, headers);

    /// <summary>Answers with an RFC 7807 problem, as Vonage's newer APIs do.</summary>
    public static FakeReply Problem(int status, string title, string type = "https://developer.vonage.com/api-errors", params (string Name, string Reason)[] invalidParameters) =>
        new ProblemReply(status, title, type, invalidParameters);

    /// <summary>The SMS API's 200 answer with one message of the given status (non-zero statuses carry an error text).</summary>
    public static FakeReply SmsStatus(int status) => SmsParts(status);

    /// <summary>The SMS API's 200 answer with one message per status (a multi-part text).</summary>
    public static FakeReply SmsParts(params int[] statuses) => new StatusReply(200, new Dictionary<string, object>
    {
        ["message-count"] = statuses.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["messages"] = statuses.Select((s, i) => s == 0
            ? new Dictionary<string, string> { ["status"] = "0", ["message-id"] = "0A0000000000000" + i, ["to"] = "redacted", ["network"] = "20408" }
            : new Dictionary<string, string> { ["status"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture), ["error-text"] = "Error for +31612345678" }).ToArray(),
    }, []);

    /// <summary>Never answers: waits until the client gives up (an attempt timeout).</summary>
    public static FakeReply Hang() => new HangReply();

    /// <summary>Closes the connection without an answer (a network failure).</summary>
    public static FakeReply Drop() => new DropReply();

    internal abstract Task WriteAsync(HttpContext context);

    private sealed record StatusReply(int Code, object? Body, (string Name, string Value)[] Headers) : FakeReply
    {
        internal override async Task WriteAsync(HttpContext context)
        {
            context.Response.StatusCode = Code;
            foreach (var (name, value) in Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(Body));
            }
        }
    }

    private sealed record ProblemReply(int Code, string Title, string Type, (string Name, string Reason)[] InvalidParameters) : FakeReply
    {
        internal override Task WriteAsync(HttpContext context) => FakeVonageServer.WriteProblemAsync(context, Code, Title, Type, InvalidParameters);
    }

    private sealed record HangReply : FakeReply
    {
        internal override async Task WriteAsync(HttpContext context)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private sealed record DropReply : FakeReply
    {
        internal override Task WriteAsync(HttpContext context)
        {
            context.Abort();
            return Task.CompletedTask;
        }
    }
}
