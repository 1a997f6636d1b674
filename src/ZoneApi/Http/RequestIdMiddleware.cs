namespace ZoneApi.Http;

/// <summary>Sends the request's id back as X-Request-ID on every response, errors included.</summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-ID";

    public Task InvokeAsync(HttpContext context)
    {
        // Set when the response starts: the exception handler clears headers before writing its 500.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
