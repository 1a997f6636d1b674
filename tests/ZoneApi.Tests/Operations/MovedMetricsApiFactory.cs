using Microsoft.AspNetCore.Hosting;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Operations;

/// <summary>ZoneApi:Metrics:Path moved away from /metrics.</summary>
public sealed class MovedMetricsApiFactory : ZoneApiFactory
{
    public const string Path = "/internal/scrape-7f3a";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ZoneApi:Metrics:Path", Path);
    }
}
