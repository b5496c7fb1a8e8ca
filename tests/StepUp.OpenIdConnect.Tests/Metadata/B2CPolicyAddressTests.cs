using StepUp.OpenIdConnect.Metadata;

namespace StepUp.OpenIdConnect.Tests.Metadata;

public sealed class B2CPolicyAddressTests
{
    [Theory]
    [InlineData("https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_SiIn/v2.0/.well-known/openid-configuration", "B2C_1_SiIn")]
    [InlineData("https://contoso.b2clogin.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration?p=B2C_1A_SignIn", "B2C_1A_SignIn")]
    [InlineData("https://login.example/realms/bank/.well-known/openid-configuration", null)]
    public void ThePolicyIsFoundInThePathOrInP(string address, string? expected) =>
        Assert.Equal(expected, B2CPolicyAddress.FindPolicy(address));

    [Fact]
    public void ThePolicySegmentIsRewrittenCaseInsensitively() =>
        Assert.Equal(
            "https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_SiIn_MFA/v2.0/.well-known/openid-configuration",
            B2CPolicyAddress.Rewrite("https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_siin/v2.0/.well-known/openid-configuration", "B2C_1_SiIn", "B2C_1_SiIn_MFA"));

    [Fact]
    public void ThePQueryValueIsRewrittenAndOtherParametersKept() =>
        Assert.Equal(
            "https://contoso.b2clogin.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration?p=B2C_1_SiIn_MFA&x=1",
            B2CPolicyAddress.Rewrite("https://contoso.b2clogin.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration?p=B2C_1_SiIn&x=1", "B2C_1_SiIn", "B2C_1_SiIn_MFA"));

    [Fact]
    public void AnAddressWithoutTheSignInPolicyIsNotRewritten() =>
        Assert.Null(B2CPolicyAddress.Rewrite("https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_Other/v2.0/.well-known/openid-configuration", "B2C_1_SiIn", "B2C_1_SiIn_MFA"));
}
