namespace StepUp.DevelopmentDirectory;

/// <summary>A policy of the development directory, such as <c>B2C_1_SiIn_MFA</c>.</summary>
/// <param name="Id">The policy id as it appears in URLs and in the <c>tfp</c> claim.</param>
/// <param name="Kind">What the policy does.</param>
/// <param name="RequireMfa">Whether the policy ends with the phone step (text message or voice call).</param>
public sealed record DirectoryPolicy(string Id, DirectoryPolicyKind Kind, bool RequireMfa)
{
    /// <summary>The default policies: each kind with and without MFA.</summary>
    public static IReadOnlyList<DirectoryPolicy> Defaults { get; } =
    [
        new("B2C_1_SignUpSignIn", DirectoryPolicyKind.SignUpSignIn, false),
        new("B2C_1_SignUpSignIn_MFA", DirectoryPolicyKind.SignUpSignIn, true),
        new("B2C_1_SiIn", DirectoryPolicyKind.SignIn, false),
        new("B2C_1_SiIn_MFA", DirectoryPolicyKind.SignIn, true),
        new("B2C_1_PasswordReset", DirectoryPolicyKind.PasswordReset, false),
        new("B2C_1_PasswordReset_MFA", DirectoryPolicyKind.PasswordReset, true),
        new("B2C_1_ProfileEdit", DirectoryPolicyKind.ProfileEdit, false),
        new("B2C_1_ProfileEdit_MFA", DirectoryPolicyKind.ProfileEdit, true),
    ];
}
