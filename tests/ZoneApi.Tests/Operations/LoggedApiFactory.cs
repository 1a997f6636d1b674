using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Operations;

/// <summary>The real app whose console output is captured; subclasses choose the formatter as an operator would.</summary>
public abstract class LoggedApiFactory(string? formatterName) : ZoneApiFactory
{
    public CapturedConsole Console => Services.GetServices<ILoggerProvider>().OfType<CapturedConsole>().Single();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (formatterName is not null)
        {
            builder.UseSetting("Logging:Console:FormatterName", formatterName);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider, CapturedConsole>());
    }
}
