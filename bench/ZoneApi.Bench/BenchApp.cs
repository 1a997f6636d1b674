using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ZoneApi.Bench;

/// <summary>
/// The real app, as the tests run it: Program's own wiring on Kestrel on a loopback port, against the
/// benchmark's database, so every request crosses a socket, the middleware, auth, EF and PostgreSQL.
/// </summary>
public sealed class BenchApp(string connectionString, SqlCapture sqlCapture) : WebApplicationFactory<Program>
{
    /// <summary>Registered through ZoneApi:BootstrapKey, as an operator would: customer "default", every scope.</summary>
    public const string BootstrapKey = "zoneapi_BenchBootstrapKey-0123456789_abcdefghijklmnop";

    public HttpClient CreateAuthenticatedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", BootstrapKey);
        return client;
    }

    public void Start()
    {
        UseKestrel(0);
        StartServer();
    }

    // WebApplicationFactory looks for its manifest in the current directory, which under `dotnet run` is the
    // repository, not the output folder: name the app's folder (for its appsettings.json) directly.
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseContentRoot(AppFolder());
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Zones", connectionString);
        builder.UseSetting("ZoneApi:BootstrapKey", BootstrapKey);
        // The benchmarks measure the server, not the per-key rate limits (which one key would reach at once).
        builder.UseSetting("ZoneApi:RateLimits:Enabled", "false");
        builder.ConfigureLogging(logging =>
        {
            // One access-log line per request would bury BenchmarkDotNet's output (and time the console):
            // the console shows warnings and errors only, the same in every benchmark.
            logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
            // The SQL EF sends, for the report only; the app turns this category off, a provider rule wins over that.
            logging.AddProvider(sqlCapture);
            logging.AddFilter<SqlCapture>(null, LogLevel.None);
            logging.AddFilter<SqlCapture>(SqlCapture.Category, LogLevel.Information);
        });
    }

    private static string AppFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ZoneApi.sln")))
            {
                return Path.Combine(directory.FullName, "src", "ZoneApi");
            }
        }

        throw new BenchSetupException("ZoneApi.sln not found above " + AppContext.BaseDirectory);
    }
}
