using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace ZoneApi.Data;

/// <summary>
/// A PostgreSQL cluster of our own in a folder, listening on a loopback port: the zero-configuration
/// database of `dotnet run`, reused from run to run, and the throwaway server of the test suite.
/// </summary>
public sealed class LocalPostgresCluster
{
    private readonly PostgresTools _tools;
    private readonly ClusterState _state;

    private LocalPostgresCluster(string root, PostgresTools tools, ClusterState state, bool startedHere)
    {
        Root = root;
        _tools = tools;
        _state = state;
        StartedHere = startedHere;
    }

    public string Root { get; }

    public int Port => _state.Port;

    /// <summary>False when the cluster was already running (another ZoneApi process started it).</summary>
    public bool StartedHere { get; }

    private string DataDirectory => Path.Combine(Root, "pgdata");

    /// <summary>
    /// Initialises the cluster on first use, then starts it unless it already runs. Test clusters are not
    /// durable: no fsync, which makes them several times faster, and their folder goes when their process does.
    /// </summary>
    public static async Task<LocalPostgresCluster> StartAsync(string root, bool durable, CancellationToken ct)
    {
        var tools = await PostgresTools.FindAsync(ct);
        root = Path.GetFullPath(root);
        PrivateFiles.CreateFolder(root);
        // Serialises first starts: one initdb, one pg_ctl start, one owner.
        await using var startLock = await StartLock.AcquireAsync(Path.Combine(root, "start.lock"), ct);
        var statePath = Path.Combine(root, "cluster.json");
        var state = File.Exists(statePath)
            ? JsonSerializer.Deserialize<ClusterState>(await File.ReadAllTextAsync(statePath, ct))!
            : new ClusterState(Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), 0);
        var dataDirectory = Path.Combine(root, "pgdata");

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitialiseAsync(tools, root, dataDirectory, state, durable, ct);
        }

        var ownerPath = Path.Combine(root, "owner.json");
        var status = await tools.RunAsync("pg_ctl", ["status", "-D", dataDirectory], ct);
        if (status.ExitCode == 0)
        {
            // postmaster.pid's fourth line is the port the running server listens on.
            var port = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).ElementAt(3), System.Globalization.CultureInfo.InvariantCulture);
            if ((await ClusterOwner.ReadAsync(ownerPath, ct))?.IsAlive() == true)
            {
                return new LocalPostgresCluster(root, tools, state with { Port = port }, startedHere: false);
            }

            // Its owner died without stopping it (kill -9 before the watchdog existed, or the watchdog was killed too):
            // adopt it, so it is stopped when this process ends.
            await TakeOwnershipAsync(tools, root, dataDirectory, ownerPath, durable, ct);
            return new LocalPostgresCluster(root, tools, state with { Port = port }, startedHere: true);
        }

        state = state with { Port = IsFree(state.Port) ? state.Port : FreeLoopbackPort() };
        await PrivateFiles.WriteAsync(statePath, JsonSerializer.Serialize(state), ct);
        var start = await tools.RunAsync("pg_ctl",
            ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", Path.Combine(root, "postgres.log"), "-o", $"-p {state.Port}"], ct);
        if (start.ExitCode != 0)
        {
            throw new LocalDatabaseException(
                $"PostgreSQL did not start in {dataDirectory}: {start.Output.Trim()} (see {Path.Combine(root, "postgres.log")})");
        }

        await TakeOwnershipAsync(tools, root, dataDirectory, ownerPath, durable, ct);
        return new LocalPostgresCluster(root, tools, state, startedHere: true);
    }

    private static async Task TakeOwnershipAsync(PostgresTools tools, string root, string dataDirectory, string ownerPath, bool durable, CancellationToken ct)
    {
        var owner = ClusterOwner.Current();
        await owner.WriteAsync(ownerPath, ct);
        owner.StartWatchdog(tools, dataDirectory, removeFolder: durable ? null : root);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = PostgresTools.SystemUser,
        Password = _state.Password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates the database if it does not exist yet and returns its connection string.</summary>
    public async Task<string> EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by an earlier run: that is the point of reusing the cluster.
        }

        return ConnectionString(database);
    }

    public async Task StopAsync(CancellationToken ct) =>
        await _tools.RunAsync("pg_ctl", ["stop", "-w", "-m", "fast", "-D", DataDirectory], ct);

    private static async Task InitialiseAsync(
        PostgresTools tools, string root, string dataDirectory, ClusterState state, bool durable, CancellationToken ct)
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true); // an initdb that never finished: nothing usable in it
        }

        // The password is saved before initdb so a crash in between cannot leave a cluster nobody can log in to.
        await PrivateFiles.WriteAsync(Path.Combine(root, "cluster.json"), JsonSerializer.Serialize(state), ct);
        var passwordFile = Path.Combine(root, "initdb.pw");
        await PrivateFiles.WriteAsync(passwordFile, state.Password, ct);
        await PostgresTools.GiveToPostgresAsync(root, ct);
        try
        {
            var init = await tools.RunAsync("initdb",
                ["-D", dataDirectory, "-U", PostgresTools.SystemUser, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
                 "-E", "UTF8", "--no-locale", "--no-instructions", .. durable ? Array.Empty<string>() : ["--no-sync"]], ct);
            if (init.ExitCode != 0)
            {
                throw new LocalDatabaseException($"initdb failed in {dataDirectory}: {init.Output.Trim()}"
                    + (PostgresTools.RunningAsRoot ? $" (the {PostgresTools.SystemUser} user must be able to reach {root})" : ""));
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }

        // Loopback TCP only: no Unix socket directory to own, nothing reachable from other machines.
        var settings = new List<string> { "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", "max_connections = 300" };
        if (!durable)
        {
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }

        await File.AppendAllLinesAsync(Path.Combine(dataDirectory, "postgresql.conf"), settings, ct);
    }

    private static bool IsFree(int port)
    {
        if (port is <= 0 or > 65535)
        {
            return false;
        }

        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record ClusterState(string Password, int Port);
}
