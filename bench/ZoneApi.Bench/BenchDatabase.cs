using Npgsql;
using ZoneApi.Data;

namespace ZoneApi.Bench;

/// <summary>
/// The benchmark's own database: a new one on ZONEAPI_TEST_POSTGRES when set (a connection string whose
/// user may create databases), otherwise on a throwaway PostgreSQL cluster in a folder under /tmp that is
/// stopped and removed when the run ends.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;
    private int _disposed;

    private BenchDatabase(string connectionString, string description, LocalPostgresCluster? cluster)
    {
        ConnectionString = connectionString;
        Description = description;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    /// <summary>Where the database lives, for the report.</summary>
    public string Description { get; }

    public static async Task<BenchDatabase> StartAsync(CancellationToken ct)
    {
        var name = "zoneapi_bench_" + Guid.NewGuid().ToString("N")[..12];
        if (Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            var server = new NpgsqlConnectionStringBuilder(configured);
            await CreateDatabaseAsync(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString, name, ct);
            return new BenchDatabase(
                new NpgsqlConnectionStringBuilder(configured) { Database = name }.ConnectionString,
                $"database {name} on ZONEAPI_TEST_POSTGRES ({server.Host}:{server.Port})",
                cluster: null);
        }

        // /tmp, not the build folder: under root the postgres user must reach the folder, and root's home is private.
        var root = Path.Combine(Path.GetTempPath(), "zoneapi-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await LocalPostgresCluster.StartAsync(root, durable: false, ct);
        await CreateDatabaseAsync(cluster.ConnectionString("postgres"), name, ct);
        return new BenchDatabase(cluster.ConnectionString(name), $"throwaway PostgreSQL in {root} (port {cluster.Port}, fsync off)", cluster);
    }

    /// <summary>Stops and removes the throwaway cluster; safe to call twice (Ctrl+C and the normal end).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _cluster is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await _cluster.StopAsync(CancellationToken.None);
        Directory.Delete(_cluster.Root, recursive: true);
    }

    private static async Task CreateDatabaseAsync(string maintenanceConnectionString, string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(maintenanceConnectionString);
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync(ct);
    }
}
