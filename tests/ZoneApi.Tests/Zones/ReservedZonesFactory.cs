using Microsoft.AspNetCore.Hosting;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

/// <summary>The test app with one ZoneApi:ReservedZones entry besides the default name servers' zoneapi.test.</summary>
public sealed class ReservedZonesFactory : ZoneApiFactory
{
    public const string Reserved = "keep.reserved.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ZoneApi:ReservedZones:0", "KEEP.Reserved.Example.");
    }
}
