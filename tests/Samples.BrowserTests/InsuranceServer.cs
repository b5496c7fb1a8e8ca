using InsuranceApp.Sites;

namespace Samples.BrowserTests;

/// <summary>
/// The insurance sample as <c>dotnet run</c> starts it (Auto, Home and the development directory, each on Kestrel), on free
/// 127.0.0.1 ports, with Home's step-up mode taken from the test.
/// </summary>
internal static class InsuranceServer
{
    public static Task<InsuranceApplication> StartAsync(string homeMode) => InsuranceApplication.StartAsync(
    [
        "--environment", "Development",
        "--contentRoot", Path.Combine(Repository.Root, "samples", "InsuranceApp"),
        "--DevelopmentDirectory:Origin", "http://127.0.0.1:0",
        "--Sites:Auto:Urls", "http://127.0.0.1:0",
        "--Sites:Home:Urls", "http://127.0.0.1:0",
        "--Sites:Home:StepUp:Mode", homeMode,
    ]);
}
