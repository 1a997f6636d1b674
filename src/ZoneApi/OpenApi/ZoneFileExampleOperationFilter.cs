using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using ZoneApi.Export;

namespace ZoneApi.OpenApi;

/// <summary>
/// Documents <c>text/dns</c> responses (GET /v1/zones/{zone_id}/export) and request bodies (POST /v1/zones/{zone_id}/import)
/// as a string, with a realistic master file.
/// </summary>
internal sealed class ZoneFileExampleOperationFilter : IOperationFilter
{
    /// <summary>What the export of a small zone looks like, rendered by the exporter's own code.</summary>
    public static string Example { get; } = string.Concat(
        ZoneFileRenderer.Header("example.com", 3600),
        string.Concat(new ZoneFileRecord[]
        {
            new("example.com.", "SOA", "ns1.zoneapi.test. hostmaster.zoneapi.test. 2026120203 10800 3600 604800 3600", null, 3600),
            new("example.com.", "ALIAS", "lb.example.net.", null, 300),
            new("example.com.", "CAA", "0 issue \"letsencrypt.org\"", null, 3600),
            new("example.com.", "MX", "mail.example.com.", 10, 3600),
            new("example.com.", "NS", "ns1.zoneapi.test.", null, 3600),
            new("example.com.", "NS", "ns2.zoneapi.test.", null, 3600),
            new("example.com.", "TXT", "v=spf1 mx -all", null, 3600),
            new("_dmarc.example.com.", "TXT", "v=DMARC1; p=reject; rua=mailto:dmarc@example.com", null, 3600),
            new("mail.example.com.", "A", "192.0.2.25", null, 3600),
            new("www.example.com.", "A", "192.0.2.1", null, 300),
            new("www.example.com.", "AAAA", "2001:db8::1", null, 300),
            new("www.example.com.", "HTTPS", "1 . alpn=\"h2,h3\"", null, 300),
        }.Select(r => ZoneFileRenderer.Line("example.com", r) + "\n")));

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // The import binds text/dns and JSON to one request type; as text/dns the body is the file itself.
        if (operation.RequestBody?.Content?.TryGetValue(ZoneExportController.MediaType, out var zoneFileBody) == true)
        {
            zoneFileBody.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
            zoneFileBody.Example = JsonValue.Create(Example);
        }

        var zoneFileStatuses = context.MethodInfo.GetCustomAttributes<ProducesZoneFileAttribute>().Select(a => a.StatusCode.ToString(CultureInfo.InvariantCulture));
        foreach (var status in zoneFileStatuses)
        {
            if (operation.Responses?.GetValueOrDefault(status) is OpenApiResponse response)
            {
                response.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ZoneExportController.MediaType] = new()
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        Example = JsonValue.Create(Example),
                    },
                };
            }
        }
    }
}
