using Microsoft.AspNetCore.Hosting;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Batch;

/// <summary>
/// The test app with the production body limit (1 MiB, appsettings.json) instead of the tests' 64 KiB: room for 1000
/// operations; and the production bound of 5 s for single requests instead of the tests' 30, so that a full batch shows it
/// runs under ZoneApi:WholeZoneTimeoutSeconds (120 here: the suite shares two cores with other work).
/// </summary>
public sealed class DefaultBodyLimitFactory : ZoneApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ZoneApi:MaxRequestBodyBytes", "1048576");
        builder.UseSetting("ZoneApi:DatabaseTimeoutSeconds", "5");
        builder.UseSetting("ZoneApi:WholeZoneTimeoutSeconds", "120");
    }
}
