using Microsoft.AspNetCore.WebUtilities;

namespace StepUp.OpenIdConnect.Metadata;

/// <summary>
/// Rewrites a B2C address from one policy to another: the path segment (<c>/tenant/B2C_1_SiIn/v2.0/…</c>) or the <c>p=</c>
/// query value (<c>/tenant/v2.0/…?p=B2C_1_SiIn</c>).
/// </summary>
internal static class B2CPolicyAddress
{
    private const string PolicyPrefix = "B2C_1";

    /// <summary>The policy named in <paramref name="address"/>: <c>p=</c> first, else the path segment starting with <c>B2C_1</c>.</summary>
    public static string? FindPolicy(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return null;
        }

        if (QueryValue(uri) is { Length: > 0 } fromQuery)
        {
            return fromQuery;
        }

        return uri.AbsolutePath.Split('/').FirstOrDefault(s => s.StartsWith(PolicyPrefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// <paramref name="address"/> with <paramref name="from"/> replaced by <paramref name="to"/>; <see langword="null"/> when
    /// <paramref name="from"/> is not in it.
    /// </summary>
    public static string? Rewrite(string address, string from, string to)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var builder = new UriBuilder(uri);
        if (QueryValue(uri) is { } current)
        {
            if (!string.Equals(current, from, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var query = QueryHelpers.ParseQuery(uri.Query)
                .Select(p => string.Equals(p.Key, "p", StringComparison.OrdinalIgnoreCase) ? new KeyValuePair<string, string?>(p.Key, to) : new(p.Key, p.Value.ToString()));
            builder.Query = QueryHelpers.AddQueryString(string.Empty, query).TrimStart('?');
            return builder.Uri.AbsoluteUri;
        }

        var segments = uri.AbsolutePath.Split('/');
        var index = Array.FindIndex(segments, s => string.Equals(Uri.UnescapeDataString(s), from, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return null;
        }

        segments[index] = Uri.EscapeDataString(to);
        builder.Path = string.Join('/', segments);
        return builder.Uri.AbsoluteUri;
    }

    private static string? QueryValue(Uri uri) =>
        QueryHelpers.ParseQuery(uri.Query).FirstOrDefault(p => string.Equals(p.Key, "p", StringComparison.OrdinalIgnoreCase)).Value.ToString() is { Length: > 0 } value
            ? value
            : null;
}
