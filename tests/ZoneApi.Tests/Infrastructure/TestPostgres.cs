using Npgsql;
using ZoneApi.Data;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of a test run: ZONEAPI_TEST_POSTGRES (a connection string whose user may create
/// databases) when set, otherwise a throwaway cluster made with initdb in a temporary folder, shared by
/// every test class and removed when the test process exits.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<Func<string, string>>> Server = new(StartAsync);

    /// <summary>A new, empty database for one test class; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var connectionStringFor = await Server.Value;
        var name = "zoneapi_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(connectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return connectionStringFor(name);
    }

    private static async Task<Func<string, string>> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return database => new NpgsqlConnectionStringBuilder(configured) { Database = database }.ConnectionString;
        }

        // /tmp, not the build folder: under root the postgres user must reach the folder, and root's home is private.
        var root = Path.Combine(Path.GetTempPath(), "zoneapi-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await LocalPostgresCluster.StartAsync(root, durable: false, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Directory.Delete(root, recursive: true);
        };
        return cluster.ConnectionString;
    }
}
