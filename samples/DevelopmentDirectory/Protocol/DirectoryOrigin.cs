namespace StepUp.DevelopmentDirectory.Protocol;

/// <summary>
/// Where the directory is reachable, known once Kestrel has bound its port. The issuer is per tenant, as in B2C:
/// <c>{origin}/{tenantId}/v2.0/</c>.
/// </summary>
internal sealed class DirectoryOrigin(DevelopmentDirectoryOptions options)
{
    private Uri? _origin;

    public Uri Value => _origin ?? throw new InvalidOperationException("The development directory has not started yet: its address is not known.");

    public Uri Issuer => new(Value, $"{options.TenantId}/v2.0/");

    public void Set(Uri origin) => _origin = new Uri(origin.GetLeftPart(UriPartial.Authority) + "/");
}
