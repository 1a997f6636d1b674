using ZoneApi.Http;
using ZoneApi.Limits;
using ZoneApi.Metrics;
using ZoneApi.OpenApi;

namespace ZoneApi.Hosting;

public static class Pipeline
{
    /// <summary>The middleware, outermost first. Every non-2xx leaves it as the error envelope.</summary>
    public static WebApplication UseZoneApi(this WebApplication app)
    {
        app.UseMiddleware<AccessLogMiddleware>(); // outermost, so it logs the status the client really got
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler(_ => { }); // handled by UnhandledExceptionHandler
        app.UseZoneApiMetrics(); // before authentication and the rate limiter: no key, never 429
        app.UseMiddleware<RequestDeadlineMiddleware>(); // inside the handler: a request past its deadline is a 503 envelope
        // Unknown routes (404) and wrong methods (405) arrive here with no body.
        app.UseStatusCodePages(context =>
            ErrorResponses.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
                StatusCodeErrors.For(context.HttpContext.Response.StatusCode, context.HttpContext)));
        app.UseZoneApiSwagger();
        app.UseAuthentication();
        // Limits need to know the key, and come before authorization so that failed attempts are limited too.
        app.UseZoneApiRateLimits();
        app.UseMiddleware<CustomerConcurrencyMiddleware>();
        app.UseAuthorization();
        app.MapControllers();
        return app;
    }
}
