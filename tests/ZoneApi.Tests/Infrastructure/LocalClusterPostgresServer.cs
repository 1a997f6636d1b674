using ZoneApi.Data;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// A throwaway cluster made with initdb in a temporary folder (PostgreSQL's server programs must be installed). The
/// cluster's watchdog stops it and deletes the folder if the test process dies without disposing it.
/// </summary>
public sealed class LocalClusterPostgresServer : ITestPostgresServer
{
    private readonly string _root;
    private readonly LocalPostgresCluster _cluster;

    private LocalClusterPostgresServer(string root, LocalPostgresCluster cluster)
    {
        _root = root;
        _cluster = cluster;
    }

    public string Description => $"local cluster in {_root} (127.0.0.1:{_cluster.Port})";

    public static async Task<LocalClusterPostgresServer> StartAsync()
    {
        // /tmp, not the build folder: under root the postgres user must reach the folder, and root's home is private.
        var root = Path.Combine(Path.GetTempPath(), "zoneapi-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await LocalPostgresCluster.StartAsync(root, durable: false, CancellationToken.None);
        return new LocalClusterPostgresServer(root, cluster);
    }

    public string ConnectionStringFor(string database) => _cluster.ConnectionString(database);

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAsync(CancellationToken.None);
        Directory.Delete(_root, recursive: true);
    }
}
