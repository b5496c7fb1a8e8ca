namespace StepUp.Vonage.Tests.Infrastructure;

/// <summary>Shorthands for tests.</summary>
internal static class Test
{
    /// <summary>The running test's cancellation token.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
