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
    private PowerDnsServer? _dns;

    public SecondInstance Api => _api ?? throw new InvalidOperationException("started in InitializeAsync");

    public StreamingReplica Replica => _replica ?? throw new InvalidOperationException("started in InitializeAsync");

    /// <summary>PowerDNS reading the standby, never the primary.</summary>
    public PowerDnsServer StandbyDns => _dns ?? throw new InvalidOperationException("started in InitializeAsync");

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
            // A hot standby cannot write: the role's login is given on the primary and arrives by replication.
            await PowerDnsServer.PrepareRoleAsync(primary);
            await _replica.WaitForReplayAsync(TimeSpan.FromSeconds(30));
            _dns = await PowerDnsServer.StartAsync(StandbyConnectionString, prepareRole: false);
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
            if (_dns is not null)
            {
                await _dns.DisposeAsync();
            }

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
