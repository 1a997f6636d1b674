using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// The real app on its own database, and a PowerDNS serving that database: what a client writes through the API is
/// asked back over DNS, as a user would check it with dig.
/// </summary>
public sealed class ServingApiFactory : ZoneApiFactory, IAsyncLifetime
{
    private PowerDnsServer? _dns;

    public PowerDnsServer Dns => _dns ?? throw new InvalidOperationException("PowerDNS has not been started.");

    // Re-implements IAsyncLifetime: the app first (its start-up runs the migrations, which create the pdns views and
    // role), then PowerDNS on the same database.
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _dns = await PowerDnsServer.StartAsync(ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_dns is not null)
        {
            await _dns.DisposeAsync();
        }

        await DisposeAsync();
    }
}
