using System.Net;
using System.Net.Sockets;
using Npgsql;
using ZoneApi.Data;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// A PostgreSQL primary of its own (not the suite's shared server) and a hot standby streaming from it, made as an
/// operator makes one: pg_basebackup -R (which writes standby.signal and primary_conninfo), then pg_ctl start on
/// another loopback port. Both live in folders under /tmp that <see cref="DisposeAsync"/> stops and removes; if the
/// test process dies first, each cluster's watchdog (ClusterOwner) does it.
/// </summary>
public sealed class StreamingReplica : IAsyncDisposable
{
    private readonly PostgresTools _tools;
    private readonly LocalPostgresCluster _primary;
    private readonly string _standbyRoot;
    private readonly string _password;

    private StreamingReplica(PostgresTools tools, LocalPostgresCluster primary, string standbyRoot, string password, int standbyPort)
    {
        _tools = tools;
        _primary = primary;
        _standbyRoot = standbyRoot;
        _password = password;
        StandbyPort = standbyPort;
    }

    public int StandbyPort { get; }

    private string StandbyData => Path.Combine(_standbyRoot, "pgdata");

    public static async Task<StreamingReplica> StartAsync(CancellationToken ct)
    {
        var tools = await PostgresTools.FindAsync(ct);
        var primary = await LocalPostgresCluster.StartAsync(TemporaryRoot("primary"), durable: false, ct);
        var standbyRoot = TemporaryRoot("standby");
        try
        {
            var password = new NpgsqlConnectionStringBuilder(primary.ConnectionString("postgres")).Password!; // always set: initdb --pwfile
            // The test cluster commits asynchronously (synchronous_commit = off), which lets a commit wait up to
            // wal_writer_delay before its WAL is even written, let alone streamed. A production primary commits
            // synchronously: measure replication as it runs there.
            await ExecuteAsync(primary.ConnectionString("postgres"), "ALTER SYSTEM SET synchronous_commit = on", "SELECT pg_reload_conf()");

            PrivateFiles.CreateFolder(standbyRoot);
            await PostgresTools.GiveToPostgresAsync(standbyRoot, ct);
            // initdb's pg_hba.conf already lets the superuser in for replication from 127.0.0.1, with its password.
            var backup = await tools.RunAsync("pg_basebackup",
                ["-D", Path.Combine(standbyRoot, "pgdata"), "-R", "-X", "stream", "-c", "fast", "--no-sync",
                 "-d", $"host=127.0.0.1 port={primary.Port} user={PostgresTools.SystemUser} password={password} application_name=zoneapi_standby"], ct);
            if (backup.ExitCode != 0)
            {
                throw new InvalidOperationException($"pg_basebackup failed: {backup.Output}");
            }

            var port = FreeLoopbackPort();
            var dataDirectory = Path.Combine(standbyRoot, "pgdata");
            // The copy keeps the primary's postgresql.conf (loopback only, no Unix socket); hot_standby is on by default.
            var start = await tools.RunAsync("pg_ctl",
                ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", Path.Combine(standbyRoot, "postgres.log"), "-o", $"-p {port}"], ct);
            ClusterOwner.Current().StartWatchdog(tools, dataDirectory, removeFolder: standbyRoot);
            if (start.ExitCode != 0)
            {
                throw new InvalidOperationException($"the standby did not start: {start.Output}");
            }

            return new StreamingReplica(tools, primary, standbyRoot, password, port);
        }
        catch
        {
            await StopAsync(tools, Path.Combine(standbyRoot, "pgdata"), standbyRoot);
            await primary.StopAsync(CancellationToken.None);
            Directory.Delete(primary.Root, recursive: true);
            throw;
        }
    }

    /// <summary>Creates a database on the primary (it reaches the standby by replication) and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string name, CancellationToken ct) => _primary.EnsureDatabaseAsync(name, ct);

    /// <summary>The same database on the standby: read-only, as PowerDNS on a replica sees it.</summary>
    public string StandbyConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = StandbyPort,
        Username = PostgresTools.SystemUser,
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Waits until the standby has replayed everything the primary has written so far.</summary>
    public async Task WaitForReplayAsync(TimeSpan timeout)
    {
        string lsn;
        await using (var primary = new NpgsqlConnection(_primary.ConnectionString("postgres")))
        {
            await primary.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", primary);
            lsn = (string)(await command.ExecuteScalarAsync())!;
        }

        await using var standby = new NpgsqlConnection(StandbyConnectionString("postgres"));
        await standby.OpenAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", standby);
            command.Parameters.AddWithValue(lsn);
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the standby did not replay up to {lsn} within {timeout.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync(_tools, StandbyData, _standbyRoot);
        await _primary.StopAsync(CancellationToken.None);
        if (Directory.Exists(_primary.Root))
        {
            Directory.Delete(_primary.Root, recursive: true);
        }
    }

    private static async Task StopAsync(PostgresTools tools, string dataDirectory, string root)
    {
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            await tools.RunAsync("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", dataDirectory], CancellationToken.None);
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    // /tmp, not the build folder: under root the postgres user must reach the folder, and root's home is private.
    private static string TemporaryRoot(string role) =>
        Path.Combine(Path.GetTempPath(), $"zoneapi-replica-{role}-" + Guid.NewGuid().ToString("N")[..8]);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
