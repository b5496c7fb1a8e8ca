namespace StepUp.DevelopmentDirectory;

/// <summary>What a directory policy (B2C "user flow") does.</summary>
public enum DirectoryPolicyKind
{
    /// <summary>Sign in with a local or social account, or sign up (B2C "Sign up and sign in").</summary>
    SignUpSignIn = 1,

    /// <summary>Sign in only (B2C "Sign in").</summary>
    SignIn,

    /// <summary>Reset the password of a local account, then sign in (B2C "Password reset").</summary>
    PasswordReset,

    /// <summary>Edit the profile: display name and attached phone (B2C "Profile editing").</summary>
    ProfileEdit,
}
