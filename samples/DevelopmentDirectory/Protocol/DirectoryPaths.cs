namespace StepUp.DevelopmentDirectory.Protocol;

/// <summary>The B2C-shaped paths under <c>/{tenant}/{policy}/</c> (or <c>/{tenant}/…?p={policy}</c>).</summary>
internal static class DirectoryPaths
{
    public const string Authorize = "oauth2/v2.0/authorize";
    public const string Token = "oauth2/v2.0/token";
    public const string Logout = "oauth2/v2.0/logout";
    public const string Metadata = "v2.0/.well-known/openid-configuration";
    public const string Keys = "discovery/v2.0/keys";

    public const string SignIn = "/ui/signin";
    public const string SignUp = "/ui/signup";
    public const string Phone = "/ui/phone";
    public const string PasswordReset = "/ui/reset";
    public const string Profile = "/ui/profile";
    public const string Social = "/ui/social";
    public const string Outbox = "/ui/outbox";

    /// <summary>Added by the UI to the authorize URL: the user cancelled (answered with <c>access_denied</c>, AADB2C90091).</summary>
    public const string CancelParameter = "dd_cancel";

    /// <summary>Added by the UI to the authorize URL: the password reset or profile page was completed.</summary>
    public const string DoneParameter = "dd_done";
}
