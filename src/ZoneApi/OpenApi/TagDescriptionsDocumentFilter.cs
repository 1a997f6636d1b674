using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ZoneApi.OpenApi;

/// <summary>Describes each tag (one per controller), so that documentation tools show what a group of routes is for.</summary>
internal sealed class TagDescriptionsDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["Zones"] = "The caller's DNS zones. Creating one adds its SOA record and this server's NS records at the apex.",
        ["Records"] = "The records of one zone: list, create, read, replace and delete, by id or by name and type. "
            + "Every route needs the scope zones:read plus records:read (reads) or records:write (writes).",
        ["Health"] = "Liveness and database reachability, without a key, for load balancers and monitoring.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var used = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var ordered = Descriptions.Keys.Where(used.Contains).Concat(used.Except(Descriptions.Keys).Order(StringComparer.Ordinal));
        document.Tags = new HashSet<OpenApiTag>(ordered.Select(name => new OpenApiTag
        {
            Name = name,
            Description = Descriptions.GetValueOrDefault(name),
        }));
    }
}
