using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using ZoneApi.Http;
using ZoneApi.Records;
using ZoneApi.Zones;

namespace ZoneApi.OpenApi;

/// <summary>
/// Path and query parameters as the routes check them: {zone_id} is a UUID, offset starts at 0, limit at 1
/// with the route's default (10 zones, 50 records). The format of zone_id is set here too, whatever its
/// custom binder (ZoneIdModelBinder) makes ApiExplorer report.
/// A request body, where a route takes one, is required: without it the answer is a 400.
/// </summary>
internal sealed class ParameterSchemasOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var defaultLimit = context.MethodInfo.DeclaringType == typeof(RecordsController)
            ? RecordsController.DefaultLimit
            : ZonesController.DefaultLimit;
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Required = true;
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter { Schema: OpenApiSchema schema } concrete)
            {
                continue;
            }

            switch (concrete.Name)
            {
                case ZoneIdRoute.Name:
                    schema.Format = "uuid";
                    concrete.Description ??= "The zone's id, from GET /v1/zones or the zone's creation.";
                    break;
                case "offset":
                    schema.Minimum = "0";
                    schema.Default = 0;
                    break;
                case "limit":
                    schema.Minimum = "1";
                    schema.Default = defaultLimit;
                    concrete.Description = $"Page size, 1 or more (default {defaultLimit}); values above {PageQuery.MaxLimit} are served as "
                        + PageQuery.MaxLimit.ToString(CultureInfo.InvariantCulture) + " and reported in pagination.limit.";
                    break;

                // POST …/import binds both as strings, to answer a bad value with an envelope naming it.
                case "mode":
                    schema.Enum = [JsonValue.Create("merge"), JsonValue.Create("replace")];
                    schema.Default = "merge";
                    break;
                case "dry_run":
                    schema.Type = JsonSchemaType.Boolean;
                    schema.Default = false;
                    break;
            }
        }
    }
}
