namespace ZoneApi.Http;

/// <summary>
/// The envelope for a status code that arrives with no body of ours: an unknown route, a wrong method,
/// a refused content type, a body over the limit. Status code pages and MVC's client errors both use it.
/// </summary>
public static class StatusCodeErrors
{
    public static ErrorEnvelope For(int statusCode, HttpContext context) => statusCode switch
    {
        StatusCodes.Status400BadRequest => Envelope.Error(ErrorCodes.ValidationError, "The request is not valid."),
        StatusCodes.Status401Unauthorized => Envelope.Error(ErrorCodes.Unauthorized, AuthMessages.MissingKey),
        StatusCodes.Status403Forbidden => Envelope.Error(ErrorCodes.InsufficientScope, "This API key may not do that."),
        StatusCodes.Status404NotFound => Envelope.Error(ErrorCodes.NotFound,
            $"No route {context.Request.Method} {context.Request.Path}. Routes live under /v1; see /swagger."),
        StatusCodes.Status405MethodNotAllowed => Envelope.Error(ErrorCodes.MethodNotAllowed,
            $"{context.Request.Method} is not allowed on {context.Request.Path}. Allowed: {context.Response.Headers.Allow}."),
        StatusCodes.Status413PayloadTooLarge => Envelope.Error(ErrorCodes.PayloadTooLarge,
            "The request body is larger than this server accepts."),
        StatusCodes.Status415UnsupportedMediaType => Envelope.Error(ErrorCodes.UnsupportedMediaType,
            "Send the body as JSON with the header Content-Type: application/json."),
        StatusCodes.Status429TooManyRequests => Envelope.Error(ErrorCodes.RateLimited,
            "Too many requests; retry after the delay in Retry-After."),
        StatusCodes.Status503ServiceUnavailable => Envelope.Error(ErrorCodes.ServiceUnavailable,
            "The service is unavailable; retry after the delay in Retry-After."),
        >= 500 => Envelope.Error(ErrorCodes.InternalError, $"Internal error; quote request id {context.TraceIdentifier} when reporting it."),
        _ => Envelope.Error(ErrorCodes.ValidationError, $"The request failed with HTTP status {statusCode}."),
    };
}

internal static class AuthMessages
{
    public const string MissingKey = "Send an API key in the header 'Authorization: Bearer <key>'.";
}
