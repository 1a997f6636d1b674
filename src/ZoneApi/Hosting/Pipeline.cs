using ZoneApi.Http;
using ZoneApi.OpenApi;

namespace ZoneApi.Hosting;

public static class Pipeline
{
    /// <summary>The middleware, outermost first. Every non-2xx leaves it as the error envelope.</summary>
    public static WebApplication UseZoneApi(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseHttpLogging();
        app.UseExceptionHandler(_ => { }); // handled by UnhandledExceptionHandler
        // Unknown routes (404) and wrong methods (405) arrive here with no body.
        app.UseStatusCodePages(context =>
            ErrorResponses.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
                StatusCodeErrors.For(context.HttpContext.Response.StatusCode, context.HttpContext)));
        app.UseZoneApiSwagger();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        return app;
    }
}
