using System.Diagnostics;
using System.Security.Claims;
using ZoneApi.Auth;

namespace ZoneApi.Http;

/// <summary>
/// One Information line per request, written when it ends: method, route template, status, duration, request
/// id, customer, key id and client address. It replaces HttpLogging's multi-line block and the hosting layer's
/// "Request starting/finished" pair. Never headers or bodies: the Authorization header holds the key.
/// </summary>
public sealed partial class AccessLogMiddleware(RequestDelegate next, ILogger<AccessLogMiddleware> logger)
{
    private const string None = "-";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var user = context.User;
            LogRequest(logger, context.Request.Method, RouteOf(context), context.Response.StatusCode,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), context.TraceIdentifier,
                user.FindFirstValue(ApiKeyClaims.CustomerIdClaim) ?? None, user.FindFirstValue(ApiKeyClaims.KeyIdClaim) ?? None,
                context.Connection.RemoteIpAddress?.ToString() ?? None);
        }
    }

    /// <summary>
    /// The route template (/v1/zones/{zone_id}/records), so lines group by operation and carry no names. Paths
    /// served by middleware (Swagger, /metrics) have no endpoint and are fixed strings; anything else unmatched
    /// would be the client's own text, which could hold CR/LF, so it is not quoted.
    /// </summary>
    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint ? "/" + endpoint.RoutePattern.RawText?.TrimStart('/')
        : context.Response.StatusCode < 400 ? context.Request.PathBase + context.Request.Path
        : "(unmatched)";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Method} {Route} {StatusCode} {DurationMs}ms request_id={RequestId} customer_id={CustomerId} key_id={KeyId} client={ClientAddress}")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double durationMs,
        string requestId, string customerId, string keyId, string clientAddress);
}
