using Microsoft.Extensions.Options;
using ZoneApi.Data;
using ZoneApi.Http;

namespace ZoneApi.Limits;

/// <summary>
/// One deadline for everything a request does (CONTRACT A7): RequestAborted is cancelled after
/// ZoneApi:DatabaseTimeoutSeconds (ZoneApi:WholeZoneTimeoutSeconds for import and batch), which stops whatever database wait is still going (a frozen server answers
/// neither queries nor cancel requests, so per-command timeouts alone would add up), and the request ends in
/// 503 SERVICE_UNAVAILABLE with Retry-After instead of hanging.
/// </summary>
public sealed class RequestDeadlineMiddleware(RequestDelegate next, IOptions<DatabaseLimits> limits, ILogger<RequestDeadlineMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clientAborted = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(clientAborted);
        // Routing has chosen the endpoint already (WebApplication routes first): whole-zone routes get their longer bound.
        var seconds = context.GetEndpoint()?.Metadata.GetMetadata<WholeZoneOperationAttribute>() is null
            ? limits.Value.DatabaseTimeoutSeconds
            : Math.Max(limits.Value.DatabaseTimeoutSeconds, limits.Value.WholeZoneTimeoutSeconds);
        deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
        context.RequestAborted = deadline.Token;
        try
        {
            await next(context);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && !clientAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            // Whatever the exception (a cancelled wait, a connection Npgsql broke off), the cause is the deadline.
            context.RequestAborted = clientAborted;
            logger.LogWarning("The request ran past its deadline of {Seconds} s: {Reason}", seconds, e.GetBaseException().Message);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = DatabaseUnavailable.BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, Envelope.Error(ErrorCodes.ServiceUnavailable,
                $"The database did not answer within {seconds} s; retry after the delay in Retry-After."));
        }
        finally
        {
            context.RequestAborted = clientAborted;
        }
    }
}
