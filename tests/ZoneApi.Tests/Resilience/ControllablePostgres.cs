using System.Globalization;
using ZoneApi.Data;

namespace ZoneApi.Tests.Resilience;

/// <summary>
/// A PostgreSQL cluster of one test class alone, which the test may stop, start again and freeze (SIGSTOP to the
/// postmaster and every backend, as a hung machine would look), without disturbing the shared test server.
/// </summary>
public sealed class ControllablePostgres : IAsyncDisposable
{
    private readonly string _root;
    private LocalPostgresCluster _cluster;

    private ControllablePostgres(string root, LocalPostgresCluster cluster)
    {
        _root = root;
        _cluster = cluster;
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<ControllablePostgres> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "zoneapi-resilience-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await LocalPostgresCluster.StartAsync(root, durable: false, CancellationToken.None);
        var postgres = new ControllablePostgres(root, cluster);
        postgres.ConnectionString = await cluster.EnsureDatabaseAsync("zoneapi", CancellationToken.None);
        return postgres;
    }

    /// <summary>pg_ctl stop -m fast: sessions are terminated (57P01) and new connections refused.</summary>
    public async Task StopAsync()
    {
        var tools = await PostgresTools.FindAsync(CancellationToken.None);
        var result = await tools.RunAsync("pg_ctl", ["stop", "-w", "-m", "fast", "-D", DataDirectory], CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    /// <summary>Starts the stopped cluster again, on the same port (its cluster.json remembers it).</summary>
    public async Task RestartAsync()
    {
        _cluster = await LocalPostgresCluster.StartAsync(_root, durable: false, CancellationToken.None);
    }

    /// <summary>SIGSTOP to the postmaster and all its children: connections stay open, nothing answers.</summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    public Task ThawAsync() => SignalAsync("-CONT");

    public async ValueTask DisposeAsync()
    {
        await ThawAsync(); // a stopped process would not stop
        await _cluster.StopAsync(CancellationToken.None);
        Directory.Delete(_root, recursive: true);
    }

    private string DataDirectory => Path.Combine(_root, "pgdata");

    private async Task SignalAsync(string signal)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        var postmaster = File.ReadLines(pidFile).First().Trim();
        List<string> pids = [postmaster, .. ChildrenOf(postmaster)];
        var result = await PostgresTools.RunAsync("kill", [signal, .. pids], asPostgres: false, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.True(result.ExitCode == 0 || signal == "-CONT", result.Output);
    }

    /// <summary>The postmaster's children, from /proc/PID/stat (the fourth field is the parent's pid).</summary>
    private static IEnumerable<string> ChildrenOf(string parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(directory);
            if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }

            // "pid (comm) state ppid ...": comm may hold spaces, so split after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == parent)
            {
                yield return pid;
            }
        }
    }
}
