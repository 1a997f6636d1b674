using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ZoneApi.Dns;
using ZoneApi.Health;
using ZoneApi.Http;
using ZoneApi.Records;
using ZoneApi.Records.Batch;
using ZoneApi.Zones;

namespace ZoneApi.OpenApi;

/// <summary>
/// What the validators and the services enforce, said in the document: closed sets as enums, numeric
/// ranges and defaults, and a request example that succeeds when sent as shown (Swagger UI's "Try it out"
/// sends it). The values come from the same constants the code checks against, so they cannot drift.
/// </summary>
internal static class SchemaFacts
{
    /// <summary>Input also takes PowerDNS's modern names for the zone kinds; output always says master or slave.</summary>
    private static readonly string[] ZoneTypeInputs = [.. ZoneSettings.Types, "primary", "secondary"];

    private static readonly Dictionary<Type, Action<OpenApiSchema>> ByType = new()
    {
        [typeof(CreateZoneRequest)] = s =>
        {
            ZoneFields(s, ZoneTypeInputs, withDefaults: true);
            s.Examples = [new JsonObject { ["name"] = "example.com" }];
        },
        [typeof(UpdateZoneRequest)] = s =>
        {
            ZoneFields(s, ZoneTypeInputs, withDefaults: false);
            s.Examples = [new JsonObject { ["name"] = "example.com", ["type"] = "master", ["region"] = "EU_GLOBAL", ["status"] = "active" }];
        },
        [typeof(ZoneDto)] = s => ZoneFields(s, ZoneSettings.Types, withDefaults: false),
        [typeof(CreateRecordRequest)] = s =>
        {
            Field(s, "type", f => f.Enum = Strings(RecordTypes.UserWritable));
            RecordRequestFields(s);
            s.Examples = [new JsonObject { ["name"] = "www", ["type"] = "A", ["content"] = "192.0.2.1", ["ttl"] = Ttl.Default }];
        },
        [typeof(UpdateRecordByNameRequest)] = s =>
        {
            RecordRequestFields(s);
            s.Examples = [new JsonObject { ["content"] = "192.0.2.2", ["ttl"] = Ttl.Default }];
        },
        [typeof(RecordDto)] = s =>
        {
            Field(s, "type", f => f.Enum = Strings(RecordTypes.All));
            Field(s, "ttl", f => Range(f, Ttl.Min, Ttl.Max));
            Field(s, "priority", f => Range(f, 0, ushort.MaxValue));
        },
        [typeof(Pagination)] = s =>
        {
            Field(s, "total", f => Range(f, 0, null));
            Field(s, "offset", f => Range(f, 0, null));
            Field(s, "count", f => Range(f, 0, PageQuery.MaxLimit));
            Field(s, "limit", f => Range(f, 1, PageQuery.MaxLimit));
        },
        [typeof(HealthStatus)] = s => Field(s, "status", f => f.Enum = Strings(["ok"])),
        [typeof(BatchRequest)] = s =>
        {
            Field(s, "operations", f => (f.MinItems, f.MaxItems) = (1, RecordService.MaxBatchOperations));
            s.Examples = [new JsonObject
            {
                ["operations"] = new JsonArray(
                    new JsonObject { ["action"] = "create", ["record"] = new JsonObject { ["name"] = "api", ["type"] = "A", ["content"] = "192.0.2.3" } },
                    new JsonObject { ["action"] = "create", ["record"] = new JsonObject { ["name"] = "api", ["type"] = "AAAA", ["content"] = "2001:db8::3" } }),
            }];
        },
        [typeof(BatchResultDto)] = s => Field(s, "action", f => f.Enum = Strings(BatchOperation.Actions)),
    };

    public static void Apply(OpenApiSchema schema, Type type)
    {
        if (ByType.TryGetValue(type, out var apply))
        {
            apply(schema);
        }
    }

    private static void ZoneFields(OpenApiSchema schema, IEnumerable<string> types, bool withDefaults)
    {
        Field(schema, "type", f => (f.Enum, f.Default) = (Strings(types), withDefaults ? ZoneSettings.DefaultType : null));
        Field(schema, "region", f => (f.Enum, f.Default) = (Strings(ZoneSettings.Regions), withDefaults ? ZoneSettings.DefaultRegion : null));
        Field(schema, "status", f => (f.Enum, f.Default) = (Strings(ZoneSettings.Statuses), withDefaults ? ZoneSettings.DefaultStatus : null));
    }

    /// <summary>ttl 0 means the default, so the schema's range starts at 0; the description says 120 is the real floor.</summary>
    private static void RecordRequestFields(OpenApiSchema schema)
    {
        Field(schema, "ttl", f =>
        {
            Range(f, 0, Ttl.Max);
            f.Default = Ttl.Default;
        });
        Field(schema, "priority", f => Range(f, 0, ushort.MaxValue));
        Field(schema, "disabled", f => f.Default = false);
    }

    private static void Field(OpenApiSchema schema, string name, Action<OpenApiSchema> apply)
    {
        if (schema.Properties?.TryGetValue(name, out var field) == true && field is OpenApiSchema concrete)
        {
            apply(concrete);
        }
    }

    private static void Range(OpenApiSchema schema, int minimum, int? maximum)
    {
        schema.Minimum = minimum.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = maximum?.ToString(CultureInfo.InvariantCulture);
    }

    private static List<JsonNode> Strings(IEnumerable<string> values) => values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
}
