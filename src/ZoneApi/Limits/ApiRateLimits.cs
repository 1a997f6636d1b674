using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ZoneApi.Auth;

namespace ZoneApi.Limits;

/// <summary>
/// The token buckets behind ASP.NET Core's rate limiter (CONTRACT A7): one for reads and one for writes per API
/// key, one per client address for requests without a valid key. Health and the Swagger UI are never limited.
/// It runs after authentication, which is what puts the key id on the request.
/// </summary>
public sealed class ApiRateLimits : IDisposable
{
    private readonly RateLimitOptions _options;

    public ApiRateLimits(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => BucketOf(context) is { } bucket
            ? RateLimitPartition.GetTokenBucketLimiter(bucket.Key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = bucket.Burst,
                TokensPerPeriod = bucket.PerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0, // past the rate a request is refused at once, never parked
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>The bucket a request draws from; null when it is not limited.</summary>
    public TokenBucket? BucketOf(HttpContext context)
    {
        var path = context.Request.Path;
        if (!_options.Enabled || path.StartsWithSegments("/v1/health") || path.StartsWithSegments("/swagger"))
        {
            return null;
        }

        if (context.User.FindFirstValue(ApiKeyClaims.KeyIdClaim) is { } keyId)
        {
            return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? new TokenBucket("read:" + keyId, _options.ReadsPerSecond, _options.ReadBurst)
                : new TokenBucket("write:" + keyId, _options.WritesPerSecond, _options.WriteBurst);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return new TokenBucket("address:" + address, _options.UnauthenticatedPerSecond, _options.UnauthenticatedBurst);
    }

    /// <summary>
    /// RateLimit-Limit, -Remaining and -Reset (draft-ietf-httpapi-ratelimit-headers): the bucket's size, the tokens
    /// left, and the seconds until it is full again.
    /// </summary>
    public void WriteHeaders(HttpContext context)
    {
        if (BucketOf(context) is not { } bucket)
        {
            return;
        }

        var remaining = (int)Math.Clamp(Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0, 0, bucket.Burst);
        var reset = (int)Math.Ceiling((bucket.Burst - remaining) / (double)bucket.PerSecond);
        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = bucket.Burst.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
    }

    public void Dispose() => Limiter.Dispose();
}

/// <summary>One token bucket: refilled at <paramref name="PerSecond"/>, holding at most <paramref name="Burst"/>.</summary>
public sealed record TokenBucket(string Key, int PerSecond, int Burst);
