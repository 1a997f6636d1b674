using System.Diagnostics;
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
        StartWatchdog(root);
        return cluster.ConnectionString;
    }

    /// <summary>
    /// The test platform kills the test host a moment after the last test (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT,
    /// 100 ms by default), usually while the ProcessExit handler is still stopping the server, so the folder
    /// stayed behind. A shell outside this process (started in the background, so that killing this process's
    /// tree spares it) waits for the process to end, then stops the server (SIGQUIT: immediate shutdown, the
    /// data is thrown away) and removes the folder. Harmless when the handler got there first.
    /// </summary>
    private static void StartWatchdog(string root)
    {
        var pidFile = Path.Combine(root, "pgdata", "postmaster.pid");
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; "
            + $"pid=$(head -n 1 '{pidFile}' 2>/dev/null); "
            + """if [ -n "$pid" ]; then kill -QUIT "$pid" 2>/dev/null; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; fi; """
            + $"rm -rf '{root}'";
        var start = new ProcessStartInfo("sh") { RedirectStandardInput = false, UseShellExecute = false };
        foreach (var argument in new[] { "-c", $"( {script} ) </dev/null >/dev/null 2>&1 &" })
        {
            start.ArgumentList.Add(argument);
        }

        using var shell = Process.Start(start);
        shell?.WaitForExit();
    }
}
