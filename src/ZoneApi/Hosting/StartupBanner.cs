using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ZoneApi.Hosting;

/// <summary>
/// Tells the person who ran `dotnet run` where the API is and which key to use. Written to the console,
/// not the log: the key must never reach a log file.
/// </summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost:5000";
            var key = app.Services.GetRequiredService<DatabaseStartup>().GeneratedBootstrapKey;
            Console.WriteLine();
            Console.WriteLine($"ZoneApi is listening on {address}");
            Console.WriteLine($"  Swagger UI:  {address}/swagger");
            if (key is not null)
            {
                Console.WriteLine($"  API key:     {key}");
                Console.WriteLine($"  Try:         curl -H 'Authorization: Bearer {key}' {address}/v1/zones");
            }

            Console.WriteLine();
        });
}
