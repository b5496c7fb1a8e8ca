using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StepUp.Vonage.Http;

namespace StepUp.Vonage.Sms;

/// <summary>
/// <see cref="ISmsClient"/> over the named <see cref="HttpClient"/> <see cref="VonageDefaults.SmsClientName"/>. The API key and
/// secret go in the form body, never in the URL.
/// </summary>
internal sealed class SmsClient(IHttpClientFactory factory, IOptions<VonageOptions> options) : ISmsClient
{
    /// <summary>The path of the JSON endpoint.</summary>
    public const string Path = "sms/json";

    public async Task<SendSmsResponse> SendAnSmsAsync(SendSmsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = options.Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("api_key", value.ApiKey ?? string.Empty),
            new("api_secret", value.ApiSecret ?? string.Empty),
            new("from", request.From),
            new("to", request.To),
            new("text", request.Text),
        };
        if (request.Type == SmsType.Unicode)
        {
            fields.Add(new("type", "unicode"));
        }

        if (request.ClientRef is { } clientRef)
        {
            fields.Add(new("client-ref", clientRef));
        }

        if (request.Ttl is { } ttl)
        {
            fields.Add(new("ttl", ((long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
        }

        using var content = new FormUrlEncodedContent(fields);
        var http = factory.CreateClient(VonageDefaults.SmsClientName);
        using var response = await http.PostAsync(new Uri(Path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new VonageApiException("SMS API", response.StatusCode, await VonageProblem.ReadAsync(response, cancellationToken).ConfigureAwait(false));
        }

        // Read as bytes: the retry check may already have buffered (and read) this body.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<SendSmsResponse>(body) ?? throw new JsonException("The SMS API answered with an empty body.");
    }

    /// <summary>
    /// Whether a 200 answer is worth another attempt: no part was accepted and a part failed for a passing reason
    /// (1 throttled, 5 internal error, 10 too many binds). Never retrying after a part was accepted avoids duplicate texts.
    /// </summary>
    public static async ValueTask<bool> IsTransientAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Deserialize<SendSmsResponse>(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            return body is { Messages.Count: > 0 } &&
                body.Messages.All(m => m.StatusCode != SmsStatusCode.Success) &&
                body.Messages.Any(m => SmsStatusMapper.IsTransient(m.StatusCode));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
