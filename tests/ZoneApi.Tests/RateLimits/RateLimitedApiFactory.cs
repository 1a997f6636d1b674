using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.RateLimits;

/// <summary>The test app with tiny rate limits, switched back on, so that a test reaches them in a handful of requests.</summary>
public sealed class RateLimitedApiFactory : ZoneApiFactory
{
    public const int ReadBurst = 3;
    public const int WriteBurst = 2;
    public const int UnauthenticatedBurst = 2;

    /// <summary>A client with a key of a customer of its own: buckets are per key, so no test drains another's.</summary>
    public async Task<HttpClient> CreateClientWithNewKeyAsync() =>
        CreateClientWithKey(await CreateKeyAsync("ratelimit-" + Guid.NewGuid().ToString("N")[..8]));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ZoneApi:RateLimits:Enabled", "true");
        builder.UseSetting("ZoneApi:RateLimits:ReadsPerSecond", "1");
        builder.UseSetting("ZoneApi:RateLimits:ReadBurst", ReadBurst.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("ZoneApi:RateLimits:WritesPerSecond", "1");
        builder.UseSetting("ZoneApi:RateLimits:WriteBurst", WriteBurst.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("ZoneApi:RateLimits:UnauthenticatedPerSecond", "1");
        builder.UseSetting("ZoneApi:RateLimits:UnauthenticatedBurst", UnauthenticatedBurst.ToString(CultureInfo.InvariantCulture));
    }
}
