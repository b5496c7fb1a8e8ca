namespace StepUp.AspNetCore;

/// <summary>How a <c>[RequirePhoneMfa]</c> requirement is satisfied when the user has no fresh second factor.</summary>
public enum StepUpMode
{
    /// <summary>Use the app-wide default (<see cref="StepUpOptions.Mode"/>). Only meaningful on a requirement.</summary>
    Default = 0,

    /// <summary>StepUp runs the phone challenge inside the app (its pages and JSON API).</summary>
    InApp = 1,

    /// <summary>StepUp sends the browser to the directory with a policy that has MFA enabled (package StepUp.OpenIdConnect).</summary>
    DirectoryRedirect = 2,
}
