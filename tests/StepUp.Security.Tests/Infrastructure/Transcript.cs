using System.Collections.Concurrent;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>One request and its response as the client saw them.</summary>
/// <param name="Method">The method.</param>
/// <param name="Url">The URL.</param>
/// <param name="RequestBody">The request body as text (empty when none).</param>
/// <param name="Status">The response status.</param>
/// <param name="Headers">Every response header, one <c>Name: value</c> line each.</param>
/// <param name="Body">The response body as text.</param>
public sealed record Exchange(string Method, Uri Url, string RequestBody, int Status, string Headers, string Body);

/// <summary>Every exchange of the browsers of one test (or of the whole suite).</summary>
public sealed class Transcript
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    /// <summary>The exchanges so far.</summary>
    public IReadOnlyCollection<Exchange> Exchanges => _exchanges.ToArray();

    /// <summary>Adds one.</summary>
    public void Add(Exchange exchange) => _exchanges.Enqueue(exchange);
}

/// <summary>Records every request and response that passes (buffers the response body so the caller still reads it).</summary>
public sealed class RecordingHandler(HttpMessageHandler inner, params Transcript[] transcripts) : DelegatingHandler(inner)
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestBody = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Content.Headers;
        var copy = new ByteArrayContent(bytes);
        foreach (var header in headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = copy;
        var exchange = new Exchange(
            request.Method.Method,
            request.RequestUri!,
            requestBody.Length > 64 * 1024 ? requestBody[..(64 * 1024)] : requestBody,
            (int)response.StatusCode,
            string.Join('\n', response.Headers.Concat(copy.Headers).Select(h => h.Key + ": " + string.Join(", ", h.Value))),
            System.Text.Encoding.UTF8.GetString(bytes));
        foreach (var transcript in transcripts)
        {
            transcript.Add(exchange);
        }

        return response;
    }
}
