using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ZoneApi.Http;

/// <summary>Writes an error envelope from middleware, where there is no MVC result to return.</summary>
public static class ErrorResponses
{
    public static Task WriteAsync(HttpContext context, int statusCode, ErrorEnvelope envelope)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value;
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, envelope, json.JsonSerializerOptions, context.RequestAborted);
    }
}
