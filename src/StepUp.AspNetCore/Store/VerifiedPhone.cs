namespace StepUp.AspNetCore.Store;

/// <summary>A phone number attached to a user after a successful verification.</summary>
/// <param name="PhoneNumber">The number in E.164 form (e.g. <c>+31612345634</c>).</param>
/// <param name="VerifiedAt">When it was last verified.</param>
/// <param name="Channel">How it was last verified.</param>
public sealed record VerifiedPhone(string PhoneNumber, DateTimeOffset VerifiedAt, PhoneChannel Channel)
{
    /// <inheritdoc />
    public override string ToString() => $"VerifiedPhone {{ PhoneNumber = (redacted), VerifiedAt = {VerifiedAt:O}, Channel = {Channel} }}";
}
