using Microsoft.Extensions.Options;
using Npgsql;
using ZoneApi.Data;
using ZoneApi.Limits;

namespace ZoneApi.Hosting;

/// <summary>
/// The database the app uses: ConnectionStrings:Zones when configured; otherwise, in Development, an
/// embedded PostgreSQL cluster in a per-user folder, started on demand and stopped with the app.
/// </summary>
public sealed class ZoneDatabase(
    IConfiguration configuration,
    IOptions<ZoneApiOptions> options,
    IOptions<DatabaseLimits> limits,
    IHostEnvironment environment,
    ILogger<ZoneDatabase> logger)
    : IAsyncDisposable
{
    private const string EmbeddedDatabaseName = "zoneapi";
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private NpgsqlDataSource? _dataSource;
    private NpgsqlDataSource? _controlDataSource;
    private LocalPostgresCluster? _cluster;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database has not been started.");

    /// <summary>
    /// A small pool of its own for API-key lookups and health checks: however many writes queue for the
    /// main pool, authentication and /v1/health still find a connection (CONTRACT A7).
    /// </summary>
    public NpgsqlDataSource ControlDataSource =>
        _controlDataSource ?? throw new InvalidOperationException("The database has not been started.");

    /// <summary>The embedded cluster's folder, or null when a connection string is configured.</summary>
    public string? EmbeddedDirectory => _cluster?.Root;

    public async Task StartAsync(CancellationToken ct)
    {
        await _startLock.WaitAsync(ct);
        try
        {
            if (_dataSource is null)
            {
                var connectionString = await ConnectionStringAsync(ct);
                _dataSource = await OpenAsync("zoneapi", BoundedCost(connectionString, "zoneapi", maxPoolSize: null, control: false), ct);
                _controlDataSource = await OpenAsync("zoneapi-control", BoundedCost(connectionString, "zoneapi-control", limits.Value.ControlPoolSize, control: true), ct);
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_controlDataSource is not null)
        {
            await _controlDataSource.DisposeAsync();
        }

        if (_cluster is { StartedHere: true })
        {
            await _cluster.StopAsync(CancellationToken.None);
            logger.LogInformation("Stopped the embedded PostgreSQL in {Directory}", _cluster.Root);
        }

        _startLock.Dispose();
    }

    private async Task<string> ConnectionStringAsync(CancellationToken ct)
    {
        var connectionString = configuration.GetConnectionString("Zones");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!environment.IsDevelopment())
            {
                throw new DatabaseStartupException(
                    "no database is configured: set ConnectionStrings__Zones (e.g. Host=db;Database=zoneapi;Username=zoneapi;Password=...), "
                    + "or run with ASPNETCORE_ENVIRONMENT=Development to use an embedded PostgreSQL.");
            }

            var directory = options.Value.LocalDatabaseDirectory ?? DefaultEmbeddedDirectory();
            logger.LogInformation("No ConnectionStrings:Zones configured; using the embedded PostgreSQL in {Directory}", directory);
            try
            {
                _cluster = await LocalPostgresCluster.StartAsync(directory, durable: true, ct);
                connectionString = await _cluster.EnsureDatabaseAsync(EmbeddedDatabaseName, ct);
            }
            catch (LocalDatabaseException e)
            {
                throw new DatabaseStartupException("the embedded PostgreSQL could not start: " + e.Message);
            }
        }

        return connectionString;
    }

    /// <summary>
    /// The connection string with every wait bounded by ZoneApi:DatabaseTimeoutSeconds (CONTRACT A7): connecting and
    /// waiting for a pooled connection (Timeout), each command (Command Timeout, and statement_timeout on the server),
    /// and lock waits (lock_timeout, half the bound, so a request stuck behind a lock still has time to answer 503).
    /// RequestDeadlineMiddleware bounds the request as a whole.
    /// </summary>
    private string BoundedCost(string connectionString, string applicationName, int? maxPoolSize, bool control)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseStartupException($"ConnectionStrings:Zones is not a valid PostgreSQL connection string ({e.Message}).");
        }

        var seconds = limits.Value.DatabaseTimeoutSeconds;
        // Connecting, and waiting for a pooled connection, get a quarter of the bound: Npgsql also opens a connection to
        // send a cancel request when a command times out or its request's deadline passes, and against a frozen server
        // that costs up to twice this timeout on top of the deadline (Npgsql's DoCancelRequest blocks until it gives up).
        builder.Timeout = Math.Clamp(seconds / 4, 1, 15);
        // Key lookups and health checks are single-row reads that come first in every request: they give up early
        // enough that, cancel request included, the answer leaves within the bound even when the server is frozen.
        seconds = control ? Math.Max(1, seconds - (2 * builder.Timeout) - 1) : seconds;
        builder.CommandTimeout = seconds;
        // -1: on a timeout or a cancelled request, drop the connection at once rather than ask the server to cancel
        // and wait for its answer; a frozen server never answers, and statement_timeout stops the orphaned query anyway.
        builder.CancellationTimeout = -1;
        builder.TcpKeepAlive = true;
        builder.ApplicationName ??= applicationName;
        builder.Options = $"{builder.Options} -c statement_timeout={seconds * 1000} -c lock_timeout={seconds * 500}".Trim();
        if (maxPoolSize is { } size)
        {
            builder.MaxPoolSize = size;
            builder.MinPoolSize = Math.Min(builder.MinPoolSize, size);
        }

        return builder.ConnectionString;
    }

    // The name is the pool's label on /metrics; without one Npgsql labels it with the whole connection string.
    private static async Task<NpgsqlDataSource> OpenAsync(string name, string connectionString, CancellationToken ct)
    {
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = name }.Build();
        }
        catch (ArgumentException e)
        {
            throw new DatabaseStartupException($"ConnectionStrings:Zones is not a valid PostgreSQL connection string ({e.Message}).");
        }

        await CheckReachableAsync(dataSource, ct);
        return dataSource;
    }

    /// <summary>
    /// Opens the pool's first connection, which migrations and the bootstrap key then reuse. Requests get a short
    /// connect timeout; startup is patient with a server that is merely slow to answer (a busy machine, a server
    /// still starting), trying again until <see cref="StartupPatience"/> has passed. A refusal fails at once.
    /// </summary>
    private static async Task CheckReachableAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                return;
            }
            catch (Exception e) when (IsTimeout(e) && patience.Elapsed < StartupPatience)
            {
                // slow, not refused: try again
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
                await dataSource.DisposeAsync();
                throw new DatabaseStartupException(
                    $"cannot reach PostgreSQL at {target.Host}:{target.Port}, database '{target.Database}': {e.GetBaseException().Message}");
            }
        }
    }

    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(15);

    private static bool IsTimeout(Exception e) => e is TimeoutException || e.InnerException is TimeoutException;

    /// <summary>A per-user data folder; under root, one the postgres user can reach (root's home is private).</summary>
    private static string DefaultEmbeddedDirectory() => PostgresTools.RunningAsRoot
        ? "/var/lib/zoneapi/postgres"
        : Path.Combine(
            Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } data
                ? data
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"),
            "zoneapi", "postgres");
}

/// <summary>The app cannot start because of its database; the message is one line that says what to fix.</summary>
public sealed class DatabaseStartupException(string message) : Exception(message);
