using Microsoft.AspNetCore.Hosting;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.ScaleOut;

/// <summary>
/// Two API instances against one database, as behind a load balancer: this factory is the first, <see cref="Second"/>
/// the other, both with the same settings. Nothing is shared between them but PostgreSQL, so every rule that
/// holds here holds because of the database's locks and constraints, not because of one process's memory.
/// </summary>
public class TwoApiInstances : ZoneApiFactory, IAsyncLifetime
{
    private SecondInstance? _second;

    public SecondInstance Second => _second ?? throw new InvalidOperationException("the second instance starts in InitializeAsync");

    /// <summary>Settings beyond the test app's, given to both instances (e.g. small quotas).</summary>
    protected virtual (string Key, string Value)[] ExtraSettings => [];

    /// <summary>A client of instance 1 (index 0) or instance 2 (index 1), with the given key.</summary>
    public HttpClient ClientOf(int instance, string key) => instance % 2 == 0 ? CreateClientWithKey(key) : Second.CreateClientWithKey(key);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        // The test app's settings (ZoneApiFactory.ConfigureWebHost), so that the two instances differ in nothing.
        _second = new SecondInstance(ConnectionString,
        [
            ("ZoneApi:BootstrapKey", BootstrapKey),
            ("ZoneApi:MaxRequestBodyBytes", "65536"),
            ("ZoneApi:RateLimits:Enabled", "false"),
            ("ZoneApi:DatabaseTimeoutSeconds", "30"),
            .. ExtraSettings,
        ]);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }
}
