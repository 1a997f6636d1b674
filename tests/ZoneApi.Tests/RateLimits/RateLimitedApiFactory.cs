using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ZoneApi.Auth;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.RateLimits;

/// <summary>The real app with tiny rate limits, so that a test reaches them in a handful of requests.</summary>
public sealed class RateLimitedApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string BootstrapKey = "zoneapi_RateLimitBootstrapKey-0123456789_abcdefghijklmn";
    public const int ReadBurst = 3;
    public const int WriteBurst = 2;
    public const int UnauthenticatedBurst = 2;

    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        UseKestrel(0);
        StartServer();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async Task<HttpClient> CreateClientWithNewKeyAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync("ratelimit-" + Guid.NewGuid().ToString("N")[..8], Scopes.All, "test", CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Zones", _connectionString);
        builder.UseSetting("ZoneApi:BootstrapKey", BootstrapKey);
        builder.UseSetting("ZoneApi:RateLimits:ReadsPerSecond", "1");
        builder.UseSetting("ZoneApi:RateLimits:ReadBurst", ReadBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ZoneApi:RateLimits:WritesPerSecond", "1");
        builder.UseSetting("ZoneApi:RateLimits:WriteBurst", WriteBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ZoneApi:RateLimits:UnauthenticatedPerSecond", "1");
        builder.UseSetting("ZoneApi:RateLimits:UnauthenticatedBurst", UnauthenticatedBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
