using Microsoft.AspNetCore.Http.Features;

namespace ZoneApi.Http;

/// <summary>
/// Gives each request its id as it is created: a sane incoming X-Request-ID is kept, otherwise one is made.
/// It has to happen here, before any middleware, because the hosting layer copies TraceIdentifier into
/// the "RequestId" of every log line's scope when the request starts.
/// </summary>
public sealed class RequestIdHttpContextFactory(IServiceProvider services) : IHttpContextFactory
{
    private readonly DefaultHttpContextFactory _inner = new(services);

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        var context = _inner.Create(featureCollection);
        var incoming = context.Request.Headers[RequestIdMiddleware.HeaderName].ToString();
        context.TraceIdentifier = IsAcceptable(incoming) ? incoming : Guid.NewGuid().ToString("N");
        return context;
    }

    public void Dispose(HttpContext httpContext) => _inner.Dispose(httpContext);

    // Only plain token characters: the id goes into logs, where CR/LF would forge lines.
    private static bool IsAcceptable(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
