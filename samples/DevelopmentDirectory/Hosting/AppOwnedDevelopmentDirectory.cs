namespace StepUp.DevelopmentDirectory.Hosting;

/// <summary>
/// A development directory that starts with the app (before it serves, so that the app's OpenID Connect options can point at
/// it) and is disposed with the app's services. Started from the host rather than from the app's entry point, so that a
/// <c>WebApplicationFactory</c> finds the app's host, not the directory's.
/// </summary>
internal sealed class AppOwnedDevelopmentDirectory(IConfiguration configuration, IHostEnvironment environment, ILogger<DevelopmentDirectory> logger) : IHostedLifecycleService
{
    private DevelopmentDirectory? _directory;

    public DevelopmentDirectory Directory => _directory ?? throw new InvalidOperationException(
        "The development directory starts with the app: its address is not known before the app starts.");

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        _directory ??= await DevelopmentDirectory.StartForAppAsync(configuration, environment, cancellationToken);
        logger.LogInformation(
            "Signing in through the development directory on {Origin} (demo users alice and bob, see the README); codes of its phone step at {Outbox}",
            _directory.Origin,
            new Uri(_directory.Origin, "ui/outbox"));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
