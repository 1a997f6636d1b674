using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using ZoneApi.Http;

namespace ZoneApi.OpenApi;

/// <summary>
/// Adds what every operation of a kind shares: the bearer requirement and 401/403 on routes that need a
/// key, 413/415 on routes that take a body, 500 and 503 everywhere. All are the error envelope.
/// </summary>
internal sealed class CommonResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var needsKey = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var takesBody = context.ApiDescription.ParameterDescriptions.Any(p => p.Source.Id == "Body");
        var error = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository);
        operation.Responses ??= [];

        void Add(int status, string description)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = error } },
            });
        }

        if (needsKey)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SwaggerSetup.BearerScheme, context.Document)] = [] }];
            Add(StatusCodes.Status401Unauthorized, "UNAUTHORIZED: no key, or an unknown, revoked or expired one.");
            Add(StatusCodes.Status403Forbidden, "INSUFFICIENT_SCOPE: the key lacks a scope this route needs.");
        }

        if (takesBody)
        {
            Add(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE: the body is over the server's limit.");
            Add(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE: the body is not application/json.");
        }

        Add(StatusCodes.Status500InternalServerError, "INTERNAL_ERROR: a bug, logged with the request id.");
        Add(StatusCodes.Status503ServiceUnavailable, "SERVICE_UNAVAILABLE: the database cannot be reached; see Retry-After.");
    }
}
