using StepUp.DevelopmentDirectory;

// Standalone: dotnet run --project samples/DevelopmentDirectory [-- --Origin http://127.0.0.1:5080]
// Clients come from appsettings.json (DevelopmentDirectory:Clients) or the command line.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddCommandLine(args)
    .Build();

await using var directory = await DevelopmentDirectory.StartAsync(o =>
{
    o.Origin = new Uri(configuration["Origin"] ?? "http://127.0.0.1:5080");
    o.Tenant = configuration["DevelopmentDirectory:Tenant"] ?? o.Tenant;
    foreach (var client in configuration.GetSection("DevelopmentDirectory:Clients").GetChildren())
    {
        o.Clients.Add(new DevelopmentDirectoryClient
        {
            ClientId = client["ClientId"] ?? throw new InvalidOperationException($"DevelopmentDirectory:Clients:{client.Key}:ClientId is required."),
            ClientSecret = client["ClientSecret"],
            RedirectUris = [.. client.GetSection("RedirectUris").GetChildren().Select(c => new Uri(c.Value!))],
            PostLogoutRedirectUris = [.. client.GetSection("PostLogoutRedirectUris").GetChildren().Select(c => new Uri(c.Value!))],
        });
    }

    o.ConfigureLogging = logging => logging.AddSimpleConsole(c => c.SingleLine = true);
});

Console.WriteLine($"StepUp development directory on {directory.Origin} (issuer {directory.Issuer}). Authorities:");
foreach (var policy in DirectoryPolicy.Defaults)
{
    Console.WriteLine($"  {policy.Id,-26} {directory.Authority(policy.Id)}");
}

Console.WriteLine("Press Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
