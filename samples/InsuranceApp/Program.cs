using InsuranceApp.Sites;

namespace InsuranceApp;

/// <summary>
/// <c>dotnet run --project samples/InsuranceApp</c>: Auto insurance on http://localhost:5181, Home insurance on
/// http://localhost:5182, and the development directory on http://127.0.0.1:5190 when no real one is configured.
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        await using var insurance = await InsuranceApplication.StartAsync(args);
        foreach (var name in insurance.Names)
        {
            Console.WriteLine($"{insurance.Site(name).Services.GetRequiredService<InsuranceSiteOptions>().Title}: {insurance.Address(name)}");
        }

        if (insurance.Directory is { } directory)
        {
            Console.WriteLine($"Development directory: {directory.Origin} (demo users alice and bob, see the README; codes of its phone step at {directory.Origin}ui/outbox)");
        }

        await insurance.WaitForShutdownAsync();
    }
}
