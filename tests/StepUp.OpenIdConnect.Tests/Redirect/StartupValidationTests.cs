using StepUp.OpenIdConnect.Tests.Infrastructure;

namespace StepUp.OpenIdConnect.Tests.Redirect;

public sealed class StartupValidationTests(DirectoryFixture fixture)
{
    [Fact]
    public async Task AnMfaPolicyThatIsNotAPolicyIdStopsTheAppAtStartUpWithTheKeyNamed()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RelyingParty.StartAsync(fixture.Directory, s => s.MfaPolicy = "not a policy").AsTask());

        Assert.Contains("StepUp:OpenIdConnect:MfaPolicy", error.ToString(), StringComparison.Ordinal);
    }
}
