using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ZoneApi.Auth;

namespace ZoneApi.Tests.Resilience;

/// <summary>
/// The real app on Kestrel against a PostgreSQL of its own (<see cref="ControllablePostgres"/>) that tests stop,
/// restart and freeze, with a short database timeout so that outages are quick to observe.
/// </summary>
public class OutageApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string BootstrapKey = "zoneapi_OutageBootstrapKey-0123456789_abcdefghijklmnopq";

    /// <summary>ZoneApi:DatabaseTimeoutSeconds in these tests.</summary>
    public const int TimeoutSeconds = 2;

    /// <summary>The bound every answer must meet during an outage: generous, as a correctness bound, not a speed test.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds((2 * TimeoutSeconds) + 2);

    private ControllablePostgres? _postgres;

    public ControllablePostgres Postgres => _postgres ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _postgres = await ControllablePostgres.StartAsync();
        UseKestrel(0);
        StartServer();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30); // far above the bound: a hang shows up as a slow answer, not a client error
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<string> CreateKeyAsync(string customer)
    {
        await using var scope = Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(customer, Scopes.All, "test", CancellationToken.None);
        return key.Secret;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Zones", Postgres.ConnectionString);
        builder.UseSetting("ZoneApi:BootstrapKey", BootstrapKey);
        builder.UseSetting("ZoneApi:DatabaseTimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ZoneApi:RateLimits:Enabled", "false");
        ConfigureMore(builder);
    }

    /// <summary>More settings, for a variant of this factory.</summary>
    protected virtual void ConfigureMore(IWebHostBuilder builder)
    {
    }
}
