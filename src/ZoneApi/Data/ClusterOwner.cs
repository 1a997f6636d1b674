using System.Diagnostics;
using System.Text.Json;

namespace ZoneApi.Data;

/// <summary>
/// The process that started a local cluster and will stop it. A watchdog outside that process stops the cluster
/// (and removes a throwaway one) when the process dies, however it dies, so a kill -9 or a cancelled test run
/// leaves nothing running; a cluster whose owner is gone anyway is adopted by the next process that finds it.
/// </summary>
internal sealed record ClusterOwner(int Pid, long StartedAtUnixSeconds)
{
    public static ClusterOwner Current()
    {
        using var self = Process.GetCurrentProcess();
        return new ClusterOwner(self.Id, new DateTimeOffset(self.StartTime).ToUnixTimeSeconds());
    }

    public static async Task<ClusterOwner?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return JsonSerializer.Deserialize<ClusterOwner>(await File.ReadAllTextAsync(path, ct));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    public Task WriteAsync(string path, CancellationToken ct) => PrivateFiles.WriteAsync(path, JsonSerializer.Serialize(this), ct);

    /// <summary>Alive, and the same process: a pid can be reused, its start time cannot.</summary>
    public bool IsAlive()
    {
        try
        {
            using var process = Process.GetProcessById(Pid);
            return !process.HasExited && Math.Abs(new DateTimeOffset(process.StartTime).ToUnixTimeSeconds() - StartedAtUnixSeconds) <= 1;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts, in a session of its own (so Ctrl+C and a killed process group do not reach it), a shell that waits
    /// for this owner to exit, then stops the cluster and, for a throwaway one, deletes its folder.
    /// </summary>
    public void StartWatchdog(PostgresTools tools, string dataDirectory, string? removeFolder)
    {
        const string Script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ "$2" = root ]; then runuser -u postgres -- "$3" stop -w -m fast -D "$4"; else "$3" stop -w -m fast -D "$4"; fi
            [ -n "$5" ] && rm -rf -- "$5"
            """;
        var start = new ProcessStartInfo("setsid") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // --fork: the shell's parent is then init, not this process, so killing this process tree leaves it alone.
        foreach (var argument in (string[])["--fork", "sh", "-c", Script, "zoneapi-pg-watchdog", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     PostgresTools.RunningAsRoot ? "root" : "user", Path.Combine(tools.BinDirectory, "pg_ctl"), dataDirectory, removeFolder ?? ""])
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = Process.Start(start) ?? throw new LocalDatabaseException("Could not start the cluster's watchdog (setsid).");
    }
}
