using System.Security.Claims;
using ZoneApi.Auth;
using ZoneApi.Http;

namespace ZoneApi.Limits;

/// <summary>Runs an authenticated request inside its customer's concurrency slot; a full queue is 429 at once.</summary>
public sealed class CustomerConcurrencyMiddleware(RequestDelegate next, CustomerConcurrency concurrency)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.FindFirstValue(ApiKeyClaims.CustomerIdClaim) is not { } customerId)
        {
            await next(context); // no key, or a bad one: authorization answers 401 without touching the database
            return;
        }

        using var lease = await concurrency.AcquireAsync(customerId, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            context.Response.Headers.RetryAfter = "1";
            await ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, Envelope.Error(ErrorCodes.RateLimited,
                $"This account already has {concurrency.PermitLimit} requests running and {concurrency.QueueLimit} waiting; "
                + "retry after the delay in Retry-After."));
            return;
        }

        await next(context);
    }
}
