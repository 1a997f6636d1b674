using Microsoft.Extensions.Options;
using ZoneApi.Auth;
using ZoneApi.Data;

namespace ZoneApi.Hosting;

/// <summary>
/// Before the server accepts requests: connect (or start the embedded database), apply migrations,
/// register the bootstrap key. IHostedLifecycleService.StartingAsync runs before Kestrel starts listening.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IOptions<ZoneApiOptions> options, ILogger<DatabaseStartup> logger)
    : IHostedLifecycleService
{
    /// <summary>The bootstrap key made for the embedded database, to print at startup; null otherwise.</summary>
    public string? GeneratedBootstrapKey { get; private set; }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<ZoneDatabase>();
        await database.StartAsync(cancellationToken);
        await services.GetRequiredService<SqlMigrator>().MigrateAsync(cancellationToken);

        var key = options.Value.BootstrapKey;
        if (string.IsNullOrEmpty(key) && database.EmbeddedDirectory is { } directory)
        {
            key = GeneratedBootstrapKey = await LocalBootstrapKeyAsync(directory, cancellationToken);
        }

        if (!string.IsNullOrEmpty(key))
        {
            await using var scope = services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RegisterBootstrapKeyAsync(key, cancellationToken))
            {
                logger.LogWarning("ZoneApi:BootstrapKey was revoked with `keys revoke` and stays revoked; set a new one to use a bootstrap key");
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The embedded database keeps its key beside the cluster, readable only by its owner, so it stays the same from run to run.</summary>
    private static async Task<string> LocalBootstrapKeyAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, "bootstrap-key");
        if (File.Exists(path))
        {
            return (await File.ReadAllTextAsync(path, ct)).Trim();
        }

        var key = ApiKeySecret.Generate();
        await PrivateFiles.WriteAsync(path, key, ct);
        return key;
    }
}
