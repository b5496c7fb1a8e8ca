using StepUp.OpenIdConnect.Configuration;

namespace StepUp.OpenIdConnect.Tests.Configuration;

public sealed class OpenIdConnectRedirectOptionsValidatorTests
{
    private static readonly OpenIdConnectRedirectOptionsValidator Validator = new();

    [Fact]
    public void B2CWithoutAnMfaPolicyFailsWithAMessageNamingTheKey()
    {
        var result = Validator.Validate(null, new OpenIdConnectRedirectOptions());

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("StepUp:OpenIdConnect:MfaPolicy", StringComparison.Ordinal));
    }

    [Fact]
    public void AStandardDialectNeedsNoPolicyAndValidatesItsAcrAllowList()
    {
        var ok = new OpenIdConnectRedirectOptions { Dialect = DirectoryDialect.AcrValues };
        var bad = new OpenIdConnectRedirectOptions { Dialect = DirectoryDialect.AcrValues };
        bad.AllowedAcrValues.Add("two words");

        Assert.True(Validator.Validate(null, ok).Succeeded);
        Assert.Contains(Validator.Validate(null, bad).Failures!, f => f.StartsWith("StepUp:OpenIdConnect:AllowedAcrValues:0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stepup/directory")]
    [InlineData("/stepup/")]
    [InlineData("//evil")]
    public void AResultPathThatIsNotALocalPathFails(string path)
    {
        var options = new OpenIdConnectRedirectOptions { MfaPolicy = "B2C_1_SiIn_MFA", ResultPath = path };

        Assert.Contains(Validator.Validate(null, options).Failures!, f => f.StartsWith("StepUp:OpenIdConnect:ResultPath", StringComparison.Ordinal));
    }
}
