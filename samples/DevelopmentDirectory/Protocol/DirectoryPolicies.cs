using Microsoft.AspNetCore.WebUtilities;

namespace StepUp.DevelopmentDirectory.Protocol;

/// <summary>Finds the policy a request is for (path segment or <c>p=</c>) and builds policy URLs.</summary>
internal sealed class DirectoryPolicies(DevelopmentDirectoryOptions options)
{
    public IEnumerable<DirectoryPolicy> All => options.Policies;

    public DirectoryPolicy? Find(string? id) =>
        id is null ? null : options.Policies.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The relative endpoint paths OpenIddict listens on for <paramref name="suffix"/>: one per policy plus the <c>p=</c> form.</summary>
    public IEnumerable<string> EndpointPaths(string suffix)
    {
        foreach (var tenant in Tenants())
        {
            yield return $"{tenant}/{suffix}";
            foreach (var policy in options.Policies)
            {
                yield return $"{tenant}/{policy.Id}/{suffix}";
            }
        }
    }

    /// <summary>The policy of <paramref name="path"/> and <paramref name="query"/>, and whether it came from <c>p=</c>.</summary>
    public (DirectoryPolicy Policy, bool QueryStyle)? Resolve(PathString path, IQueryCollection query)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !Tenants().Contains(segments[0], StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Find(segments[1]) is { } byPath)
        {
            return (byPath, false);
        }

        return Find(query["p"].ToString()) is { } byQuery ? (byQuery, true) : null;
    }

    /// <summary>The policy of a local URL such as the return URL of a UI page.</summary>
    public DirectoryPolicy? FromLocalUrl(string? localUrl)
    {
        if (localUrl is null)
        {
            return null;
        }

        var queryStart = localUrl.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? localUrl : localUrl[..queryStart];
        var query = queryStart < 0 ? [] : QueryHelpers.ParseQuery(localUrl[queryStart..]);
        return Resolve(new PathString(path), new QueryCollection(query))?.Policy;
    }

    public Uri Endpoint(Uri baseUri, DirectoryPolicy policy, string suffix, bool queryStyle) =>
        queryStyle
            ? new Uri(baseUri, $"{options.Tenant}/{suffix}?p={policy.Id}")
            : new Uri(baseUri, $"{options.Tenant}/{policy.Id}/{suffix}");

    private string[] Tenants() => [options.Tenant, options.TenantId];
}
