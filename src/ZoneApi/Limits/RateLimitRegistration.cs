using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ZoneApi.Http;

namespace ZoneApi.Limits;

/// <summary>Wires ApiRateLimits into ASP.NET Core's rate limiter, and answers past the rate with 429 RATE_LIMITED.</summary>
public static class RateLimitRegistration
{
    public static IServiceCollection AddZoneApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<ApiRateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ApiRateLimits>((options, limits) =>
        {
            options.GlobalLimiter = limits.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => WriteRejectionAsync(rejected.HttpContext, rejected.Lease, limits);
        });
        return services;
    }

    /// <summary>The limiter, then the RateLimit-* headers on every limited request that passes it.</summary>
    public static WebApplication UseZoneApiRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        var limits = app.Services.GetRequiredService<ApiRateLimits>();
        app.Use((context, next) =>
        {
            limits.WriteHeaders(context); // headers set before the response starts are sent with it
            return next(context);
        });
        return app;
    }

    private static async ValueTask WriteRejectionAsync(HttpContext context, RateLimitLease lease, ApiRateLimits limits)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        limits.WriteHeaders(context);
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var bucket = limits.BucketOf(context);
        var kind = bucket?.Key.StartsWith("read:", StringComparison.Ordinal) == true ? "reads"
            : bucket?.Key.StartsWith("write:", StringComparison.Ordinal) == true ? "writes" : "requests without a valid key";
        await ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, Envelope.Error(ErrorCodes.RateLimited,
            $"Too many {kind}: the limit is {bucket?.PerSecond} per second with bursts of {bucket?.Burst}. "
            + $"Retry in {retryAfter} s (Retry-After)."));
    }

    private sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
    {
        public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
