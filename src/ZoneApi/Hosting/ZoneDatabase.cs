using Microsoft.Extensions.Options;
using Npgsql;
using ZoneApi.Data;

namespace ZoneApi.Hosting;

/// <summary>
/// The database the app uses: ConnectionStrings:Zones when configured; otherwise, in Development, an
/// embedded PostgreSQL cluster in a per-user folder, started on demand and stopped with the app.
/// </summary>
public sealed class ZoneDatabase(
    IConfiguration configuration, IOptions<ZoneApiOptions> options, IHostEnvironment environment, ILogger<ZoneDatabase> logger)
    : IAsyncDisposable
{
    private const string EmbeddedDatabaseName = "zoneapi";
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private NpgsqlDataSource? _dataSource;
    private LocalPostgresCluster? _cluster;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database has not been started.");

    /// <summary>The embedded cluster's folder, or null when a connection string is configured.</summary>
    public string? EmbeddedDirectory => _cluster?.Root;

    public async Task StartAsync(CancellationToken ct)
    {
        await _startLock.WaitAsync(ct);
        try
        {
            _dataSource ??= await OpenAsync(ct);
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

        if (_cluster is { StartedHere: true })
        {
            await _cluster.StopAsync(CancellationToken.None);
            logger.LogInformation("Stopped the embedded PostgreSQL in {Directory}", _cluster.Root);
        }

        _startLock.Dispose();
    }

    private async Task<NpgsqlDataSource> OpenAsync(CancellationToken ct)
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

        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseStartupException($"ConnectionStrings:Zones is not a valid PostgreSQL connection string ({e.Message}).");
        }

        await CheckReachableAsync(dataSource, ct);
        return dataSource;
    }

    private static async Task CheckReachableAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            await dataSource.DisposeAsync();
            throw new DatabaseStartupException(
                $"cannot reach PostgreSQL at {target.Host}:{target.Port}, database '{target.Database}': {e.GetBaseException().Message}");
        }
    }

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
