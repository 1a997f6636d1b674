using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace ZoneApi.Http;

/// <summary>MVC's own client errors (415 for a non-JSON body, for one) in our envelope, not ProblemDetails.</summary>
public sealed class EnvelopeClientErrorFactory : IClientErrorFactory
{
    public IActionResult GetClientError(ActionContext actionContext, IClientErrorActionResult clientError)
    {
        var status = clientError.StatusCode ?? StatusCodes.Status400BadRequest;
        return new ObjectResult(StatusCodeErrors.For(status, actionContext.HttpContext)) { StatusCode = status };
    }
}
