using Microsoft.AspNetCore.Hosting;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Quotas;

/// <summary>The test app with quotas small enough to reach in a test.</summary>
public sealed class SmallQuotasFactory : ZoneApiFactory
{
    public const int ZonesPerCustomer = 3;

    /// <summary>A new zone holds 3 (SOA, ns1, ns2), so 2 more fit.</summary>
    public const int RecordsPerZone = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ZoneApi:Quotas:ZonesPerCustomer", ZonesPerCustomer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ZoneApi:Quotas:RecordsPerZone", RecordsPerZone.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
