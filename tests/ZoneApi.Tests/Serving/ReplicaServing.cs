using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// The deployment of issue 8 point 4 in one process: a PostgreSQL primary with a streaming hot standby, the API on
/// the primary, and PowerDNS on the standby. Everything it starts is stopped and removed in <see cref="DisposeAsync"/>,
/// also when a later step of the start fails.
/// </summary>
public sealed class ReplicaServing : IAsyncLifetime, IAsyncDisposable
{
    private const string Database = "zoneapi";

    private StreamingReplica? _replica;
    private SecondInstance? _api;

    public SecondInstance Api => _api ?? throw new InvalidOperationException("started in InitializeAsync");

    public StreamingReplica Replica => _replica ?? throw new InvalidOperationException("started in InitializeAsync");

    public string StandbyConnectionString => Replica.StandbyConnectionString(Database);

    public async Task InitializeAsync()
    {
        try
        {
            _replica = await StreamingReplica.StartAsync(CancellationToken.None);
            var primary = await _replica.CreateDatabaseAsync(Database, CancellationToken.None);
            // The test app's settings (ZoneApiFactory): its start-up runs the migrations on the primary.
            _api = new SecondInstance(primary,
                ("ZoneApi:BootstrapKey", ZoneApiFactory.BootstrapKey),
                ("ZoneApi:RateLimits:Enabled", "false"),
                ("ZoneApi:DatabaseTimeoutSeconds", "30"));
            await _replica.WaitForReplayAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_api is not null)
            {
                await _api.DisposeAsync();
            }
        }
        finally
        {
            if (_replica is not null)
            {
                await _replica.DisposeAsync();
            }
        }
    }
}
