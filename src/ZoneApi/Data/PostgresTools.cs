using System.Diagnostics;

namespace ZoneApi.Data;

/// <summary>
/// Finds and runs the PostgreSQL server programs (initdb, pg_ctl). PostgreSQL refuses to run as root, so
/// under root every program runs as the `postgres` system user through runuser.
/// </summary>
public sealed class PostgresTools(string binDirectory)
{
    public const string SystemUser = "postgres";

    public static bool RunningAsRoot => Environment.UserName == "root";

    public string BinDirectory { get; } = binDirectory;

    /// <summary>ZONEAPI_PG_BINDIR, then `pg_config --bindir`, then the newest /usr/lib/postgresql/*/bin.</summary>
    public static async Task<PostgresTools> FindAsync(CancellationToken ct)
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("ZONEAPI_PG_BINDIR") };
        try
        {
            var result = await RunAsync("pg_config", ["--bindir"], asPostgres: false, TimeSpan.FromSeconds(10), ct);
            candidates.Add(result.ExitCode == 0 ? result.Output.Trim() : null);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not on PATH; look in Debian's standard place below.
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        var found = candidates.FirstOrDefault(d => !string.IsNullOrEmpty(d) && File.Exists(Path.Combine(d, "initdb")));
        return found is not null
            ? new PostgresTools(found)
            : throw new LocalDatabaseException(
                "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them (Debian: apt-get install postgresql) "
                + "or set ZONEAPI_PG_BINDIR, or configure ConnectionStrings__Zones to use an existing server.");
    }

    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct) =>
        RunAsync(Path.Combine(BinDirectory, program), arguments, RunningAsRoot, TimeSpan.FromMinutes(2), ct);

    public static async Task<ProcessResult> RunAsync(
        string program, IReadOnlyList<string> arguments, bool asPostgres, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", SystemUser, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new LocalDatabaseException($"Could not start {program}.");
        process.StandardInput.Close();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        // Read both streams while waiting: a full pipe would otherwise block the child forever.
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessResult(process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>Gives a folder we created to the postgres user, who must own the data directory.</summary>
    public static async Task GiveToPostgresAsync(string path, CancellationToken ct)
    {
        if (!RunningAsRoot)
        {
            return;
        }

        var result = await RunAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", path], asPostgres: false, TimeSpan.FromMinutes(1), ct);
        if (result.ExitCode != 0)
        {
            throw new LocalDatabaseException($"Could not give {path} to the {SystemUser} user: {result.Output.Trim()}");
        }
    }
}

public sealed record ProcessResult(int ExitCode, string Output);

/// <summary>The local PostgreSQL cluster could not be set up; the message says what to do.</summary>
public sealed class LocalDatabaseException(string message) : Exception(message);
