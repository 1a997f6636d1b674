using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using ZoneApi.Http;

namespace ZoneApi.OpenApi;

/// <summary>
/// Adds what every operation of a kind shares: the bearer requirement and 401/403 on routes that need a
/// key (and 429 past its rate limit), 413/415 on routes that take a body, 500 and 503 everywhere. All are the error envelope,
/// each with an example per code it is sent with. Health says <c>security: []</c> outright, so readers and linters see it is open.
/// </summary>
internal sealed class CommonResponsesOperationFilter : IOperationFilter
{
    private static readonly Dictionary<string, string> HeaderDescriptions = new()
    {
        ["Retry-After"] = "Seconds to wait before trying again.",
        ["RateLimit-Limit"] = "The size of the key's token bucket for this kind of request (reads or writes).",
        ["RateLimit-Remaining"] = "Requests left in the bucket now.",
        ["RateLimit-Reset"] = "Seconds until the bucket is full again.",
    };

    private static readonly Dictionary<int, string> CommonCodes = new()
    {
        [StatusCodes.Status401Unauthorized] = ErrorCodes.Unauthorized,
        [StatusCodes.Status403Forbidden] = ErrorCodes.InsufficientScope,
        [StatusCodes.Status413PayloadTooLarge] = ErrorCodes.PayloadTooLarge,
        [StatusCodes.Status415UnsupportedMediaType] = ErrorCodes.UnsupportedMediaType,
        [StatusCodes.Status429TooManyRequests] = ErrorCodes.RateLimited,
        [StatusCodes.Status500InternalServerError] = ErrorCodes.InternalError,
        [StatusCodes.Status503ServiceUnavailable] = ErrorCodes.ServiceUnavailable,
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var needsKey = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var takesBody = context.ApiDescription.ParameterDescriptions.Any(p => p.Source.Id == "Body");
        var error = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository);
        operation.Responses ??= [];

        void Add(int status, string description, params string[] headers)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            operation.Responses.TryAdd(key, new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = error } },
            });
            // An action's own [ProducesError] for the same status keeps its description and gains the headers.
            if (headers.Length > 0 && operation.Responses[key] is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                foreach (var header in headers)
                {
                    response.Headers.TryAdd(header, new OpenApiHeader
                    {
                        Description = HeaderDescriptions[header],
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
                    });
                }
            }
        }

        if (!needsKey)
        {
            operation.Security = [];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SwaggerSetup.BearerScheme, context.Document)] = [] }];
            Add(StatusCodes.Status401Unauthorized, "UNAUTHORIZED: no key, or an unknown, revoked or expired one.");
            Add(StatusCodes.Status403Forbidden, "INSUFFICIENT_SCOPE: the key lacks a scope this route needs.");
            // Every keyed route is rate limited per key (reads and writes apart); health never is.
            Add(StatusCodes.Status429TooManyRequests,
                "RATE_LIMITED: past this key's rate for reads or for writes, or too many of the account's requests at once.",
                "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        }

        if (takesBody)
        {
            Add(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE: the body is over the server's limit.");
            Add(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE: the body is not application/json.");
        }

        Add(StatusCodes.Status500InternalServerError, "INTERNAL_ERROR: a bug, logged with the request id.");
        Add(StatusCodes.Status503ServiceUnavailable,
            "SERVICE_UNAVAILABLE: the database is unreachable, busy or did not answer in time; retry after Retry-After.", "Retry-After");
        AddErrorExamples(operation, context);
    }

    /// <summary>The codes each error status comes with: the action's [ProducesError] lists, else the one code of that status.</summary>
    private static void AddErrorExamples(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context.MethodInfo.GetCustomAttributes<ProducesErrorAttribute>()
            .ToDictionary(a => a.StatusCode.ToString(CultureInfo.InvariantCulture), a => a.Codes);
        foreach (var (status, response) in operation.Responses!)
        {
            if (response is not OpenApiResponse concrete || concrete.Content?.TryGetValue("application/json", out var media) != true
                || media is not OpenApiMediaType json || !int.TryParse(status, out var code) || code < 400)
            {
                continue;
            }

            var codes = declared.GetValueOrDefault(status) ?? [CommonCodes[code]];
            json.Examples = codes.ToDictionary(c => c, c => (IOpenApiExample)new OpenApiExample { Summary = c, Value = ErrorExamples.For(c) });
        }
    }
}
