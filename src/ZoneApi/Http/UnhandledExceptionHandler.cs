using Microsoft.AspNetCore.Diagnostics;
using ZoneApi.Data;

namespace ZoneApi.Http;

/// <summary>
/// The last stop for exceptions: a body over the limit is a 413, a database that cannot be reached a 503
/// with Retry-After, anything else a 500 that is logged once with the request id and shows no internals.
/// </summary>
public sealed class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (context.RequestAborted.IsCancellationRequested)
        {
            return true; // the client left; nobody reads an answer
        }

        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                await ErrorResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                    StatusCodeErrors.For(StatusCodes.Status413PayloadTooLarge, context));
                return true;
            case BadHttpRequestException bad:
                await ErrorResponses.WriteAsync(context, bad.StatusCode,
                    Envelope.Error(ErrorCodes.InvalidJson, "The request body could not be read: " + bad.Message));
                return true;
            case var _ when DatabaseUnavailable.RetryAfterSeconds(exception) is { } retryAfter:
                logger.LogWarning("Database unavailable: {Reason}", exception.GetBaseException().Message);
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, Envelope.Error(ErrorCodes.ServiceUnavailable,
                    $"The database is unavailable or busy; retry in {retryAfter} s (Retry-After)."));
                return true;
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
                await ErrorResponses.WriteAsync(context, StatusCodes.Status500InternalServerError,
                    StatusCodeErrors.For(StatusCodes.Status500InternalServerError, context));
                return true;
        }
    }
}
