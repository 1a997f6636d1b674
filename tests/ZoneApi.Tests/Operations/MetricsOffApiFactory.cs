using Microsoft.AspNetCore.Hosting;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Operations;

/// <summary>ZoneApi:Metrics:Enabled=false.</summary>
public sealed class MetricsOffApiFactory : ZoneApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ZoneApi:Metrics:Enabled", "false");
    }
}
