using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ZoneApi.Records.Batch;

/// <summary>
/// An operation in the document as one of three shapes, so that generated clients know which fields each action
/// needs: create takes a record, update an id and a record, delete an id. The server reads one type and
/// <see cref="BatchOperationValidator"/> names whatever a shape lacks.
/// </summary>
internal static class BatchOperationSchema
{
    public static void Apply(OpenApiSchema schema, SchemaFilterContext context)
    {
        var record = context.SchemaGenerator.GenerateSchema(typeof(CreateRecordRequest), context.SchemaRepository);
        schema.Type = null;
        schema.Properties = null;
        schema.Required = null;
        schema.AdditionalPropertiesAllowed = true;
        schema.OneOf =
        [
            Shape(BatchOperation.CreateAction, "Creates a value, as POST /v1/zones/{zone_id}/records does.", null, record),
            Shape(BatchOperation.UpdateAction, "Replaces the value with this id, as PUT by id does.", "The id of the record to replace.", record),
            Shape(BatchOperation.DeleteAction, "Deletes the value with this id.", "The id of the record to delete.", null),
        ];
    }

    private static OpenApiSchema Shape(string action, string description, string? id, IOpenApiSchema? record)
    {
        var shape = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["action"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(action)] },
            },
            Required = new SortedSet<string>(StringComparer.Ordinal) { "action" },
            AdditionalPropertiesAllowed = false,
        };
        if (id is not null)
        {
            shape.Properties["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = id };
            shape.Required.Add("id");
        }

        if (record is not null)
        {
            shape.Properties["record"] = record;
            shape.Required.Add("record");
        }

        return shape;
    }
}
