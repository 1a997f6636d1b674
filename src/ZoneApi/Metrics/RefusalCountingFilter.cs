using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ZoneApi.Http;

namespace ZoneApi.Metrics;

/// <summary>
/// Counts refused writes where every controller outcome becomes a response: an error envelope returned by a
/// POST, PUT, PATCH or DELETE action (or by the validation filter in front of it) is a refusal with that code.
/// </summary>
public sealed class RefusalCountingFilter(RefusalMetrics metrics) : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.Result is ObjectResult { Value: ErrorEnvelope envelope }
            && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            metrics.Refused(envelope.Error.Code);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
