using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace ZoneApi.Metrics;

/// <summary>
/// OpenTelemetry metrics in Prometheus text format: ASP.NET Core's request duration (rate and latency by route
/// and status) and rate-limiter meters, Npgsql's connection pool, and the API's own refusal counter.
/// </summary>
public static class MetricsRegistration
{
    /// <summary>Npgsql's meter: connections in use and idle, pending requests, timeouts.</summary>
    private const string NpgsqlMeter = "Npgsql";

    public static WebApplicationBuilder AddZoneApiMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.IsValid, MetricsOptions.Requirement)
            .ValidateOnStart();
        builder.Services.AddSingleton<RefusalMetrics>();
        // Read here, not through IOptions: with metrics off no provider (and no listener) exists at all.
        if (!builder.Configuration.GetValue(MetricsOptions.Section + ":" + nameof(MetricsOptions.Enabled), true))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation() // Microsoft.AspNetCore.Hosting, .Server.Kestrel, .Routing, .RateLimiting
            .AddMeter(NpgsqlMeter, RefusalMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// The scrape endpoint as a branch of the pipeline, placed before authentication and the rate limiter: it
    /// needs no key and a busy scraper is never answered 429.
    /// </summary>
    public static WebApplication UseZoneApiMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(options.Path);
        }

        return app;
    }
}
