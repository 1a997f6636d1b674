using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using ZoneApi.Http;

namespace ZoneApi.OpenApi;

/// <summary>
/// Makes the schemas say what the wire holds: which fields are always there (so generated clients do
/// not make them optional), that nothing is ever sent as null (absent fields are omitted instead), that
/// <c>status</c> is the constant "success" or "error", every code of <see cref="ErrorCodes"/> under
/// <c>error.code</c>, and the enums, ranges, defaults and examples of <see cref="SchemaFacts"/>.
/// </summary>
internal sealed class ZoneApiSchemaFilter : ISchemaFilter
{
    private static readonly string[] AllCodes = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!) // every constant of ErrorCodes is a string
        .Order(StringComparer.Ordinal)
        .ToArray();

    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null)
        {
            return;
        }

        var type = context.Type;
        MarkRequiredAndNotNull(concrete, type);
        SchemaFacts.Apply(concrete, type);
        if (type == typeof(ErrorEnvelope))
        {
            Constant(concrete, "status", "error");
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SuccessEnvelope<>))
        {
            Constant(concrete, "status", "success");
            // Nullability analysis cannot see through the type parameter T, but a success always carries data.
            concrete.Required!.Add("data");
        }
        else if (type == typeof(ApiError))
        {
            Codes(concrete, AllCodes, "A stable code; clients switch on it. New codes may be added, existing ones never change.");
        }
        else if (type == typeof(Records.Batch.BatchOperationRequest))
        {
            Records.Batch.BatchOperationSchema.Apply(concrete, context);
        }
        else if (type == typeof(Warning))
        {
            Codes(concrete, WarningCodes.All, "CNAME_CHAIN: the target is itself an alias. TARGET_DOES_NOT_RESOLVE: the target is "
                + "in one of your zones but nothing is there. The write succeeded either way.");
        }
    }

    /// <summary>
    /// Responses always carry their non-nullable fields and omit the nullable ones when empty (never null);
    /// requests require the fields marked [RequiredField] and may omit the rest.
    /// </summary>
    private void MarkRequiredAndNotNull(OpenApiSchema schema, Type type)
    {
        var isRequest = type.Name.EndsWith("Request", StringComparison.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = ApiJson.FieldName(property.Name);
            if (!schema.Properties!.TryGetValue(name, out var propertySchema))
            {
                continue;
            }

            if (propertySchema is OpenApiSchema concrete && concrete.Type is { } jsonType)
            {
                concrete.Type = jsonType & ~JsonSchemaType.Null;
            }

            var required = isRequest
                ? property.GetCustomAttribute<RequiredFieldAttribute>() is not null
                : _nullability.Create(property).ReadState != NullabilityState.Nullable;
            if (required)
            {
                schema.Required ??= new SortedSet<string>(StringComparer.Ordinal);
                schema.Required.Add(name);
            }
        }
    }

    private static void Codes(OpenApiSchema schema, IEnumerable<string> codes, string description)
    {
        if (schema.Properties!.TryGetValue("code", out var code) && code is OpenApiSchema codeSchema)
        {
            codeSchema.Enum = codes.Select(c => (JsonNode)JsonValue.Create(c)).ToList();
            codeSchema.Description = description;
        }
    }

    private static void Constant(OpenApiSchema schema, string property, string value)
    {
        if (schema.Properties!.TryGetValue(property, out var found) && found is OpenApiSchema propertySchema)
        {
            propertySchema.Enum = [JsonValue.Create(value)];
            propertySchema.ReadOnly = false;
            schema.Required ??= new SortedSet<string>(StringComparer.Ordinal);
            schema.Required.Add(property);
        }
    }
}
