namespace StepUp.AspNetCore.Endpoints;

/// <summary>Body of <c>POST {ApiPath}/challenges</c>.</summary>
internal sealed record StartChallengeBody(string? Channel, string? PhoneNumber, string? Transaction);

/// <summary>Body of <c>POST {ApiPath}/challenges/verify</c>.</summary>
internal sealed record VerifyChallengeBody(string? ChallengeId, string? Code, string? ReturnUrl);
