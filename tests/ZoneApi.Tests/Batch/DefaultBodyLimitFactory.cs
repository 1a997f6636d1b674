using Microsoft.AspNetCore.Hosting;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Batch;

/// <summary>The test app with the production body limit (1 MiB, appsettings.json) instead of the tests' 64 KiB: room for 1000 operations.</summary>
public sealed class DefaultBodyLimitFactory : ZoneApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ZoneApi:MaxRequestBodyBytes", "1048576");
    }
}
