using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ZoneApi.Http;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Contract;

/// <summary>openapi.yaml is the contract: it must be exactly the document the app serves.</summary>
public sealed class OpenApiContractTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task ServedDocument_EqualsCommittedOpenApiYaml()
    {
        using var client = api.CreateClient();
        var served = Normalize(await client.GetStringAsync("/swagger/v1/swagger.yaml"));
        var path = RepositoryFiles.PathOf("openapi.yaml");
        // ZONEAPI_UPDATE_OPENAPI=1 rewrites the file from the served document; review the diff and commit it with the code.
        if (Environment.GetEnvironmentVariable("ZONEAPI_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = Normalize(await File.ReadAllTextAsync(path));

        var servedLines = served.Split('\n');
        var committedLines = committed.Split('\n');
        var firstDifference = Enumerable.Range(0, Math.Max(servedLines.Length, committedLines.Length))
            .FirstOrDefault(i => i >= servedLines.Length || i >= committedLines.Length || servedLines[i] != committedLines[i], -1);
        Assert.True(firstDifference < 0,
            $"openapi.yaml differs from the served document at line {firstDifference + 1}:\n"
            + $"  openapi.yaml: {committedLines.ElementAtOrDefault(firstDifference)}\n"
            + $"  served:       {servedLines.ElementAtOrDefault(firstDifference)}\n"
            + "Run `ZONEAPI_UPDATE_OPENAPI=1 dotnet test --filter OpenApiContractTests`, review the diff, and commit it with the code.");
    }

    [Fact]
    public async Task EveryServedRouteAndMethod_IsInTheDocument()
    {
        using var client = api.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var paths = document.RootElement.GetProperty("paths");

        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: "/" + e.RoutePattern.RawText, Method: m)))
            .ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, route =>
            Assert.True(paths.TryGetProperty(route.Path, out var item) && item.TryGetProperty(route.Method.ToLowerInvariant(), out _),
                $"{route.Method} {route.Path} is served but not in the OpenAPI document"));
    }

    [Fact]
    public async Task SwaggerUi_LoadsAndPointsAtTheDocument()
    {
        using var client = api.CreateClient();

        var page = await client.GetAsync("/swagger/index.html");
        var config = await client.GetStringAsync("/swagger/index.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync());
        Assert.Contains("/swagger/v1/swagger.json", config);
    }

    [Fact]
    public async Task Document_DeclaresBearerAuthOnEveryRouteButHealth_WhichSaysSecurityNone()
    {
        using var client = api.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains("`Authorization: Bearer <key>`", scheme.GetProperty("description").GetString());
        foreach (var (path, method, operation) in Operations(document))
        {
            var requirements = operation.GetProperty("security").GetArrayLength();
            Assert.True(requirements == (path == "/v1/health" ? 0 : 1), $"{method} {path}: {requirements} security requirements");
        }
    }

    [Fact]
    public async Task EveryOperation_HasItsStableOperationId()
    {
        using var client = api.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var ids = Operations(document).ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation.GetProperty("operationId").GetString());

        Assert.Equal(new Dictionary<string, string?>
        {
            ["get /v1/health"] = "getHealth",
            ["get /v1/zones"] = "listZones",
            ["post /v1/zones"] = "createZone",
            ["get /v1/zones/{zone_id}"] = "getZone",
            ["put /v1/zones/{zone_id}"] = "updateZone",
            ["get /v1/zones/{zone_id}/export"] = "exportZone",
            ["post /v1/zones/{zone_id}/import"] = "importZone",
            ["delete /v1/zones/{zone_id}"] = "deleteZone",
            ["get /v1/zones/{zone_id}/records"] = "listRecords",
            ["post /v1/zones/{zone_id}/records"] = "createRecord",
            ["post /v1/zones/{zone_id}/records/batch"] = "batchRecords",
            ["get /v1/zones/{zone_id}/records/{record_id}"] = "getRecord",
            ["put /v1/zones/{zone_id}/records/{record_id}"] = "updateRecord",
            ["delete /v1/zones/{zone_id}/records/{record_id}"] = "deleteRecord",
            ["put /v1/zones/{zone_id}/records/by-name/{record_name}/{record_type}"] = "updateRecordByName",
            ["delete /v1/zones/{zone_id}/records/by-name/{record_name}/{record_type}"] = "deleteRecordByName",
        }.OrderBy(p => p.Key), ids.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task EveryErrorResponse_HasExamplesWhoseCodesAreSentWithThatStatus()
    {
        using var client = api.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var errorResponses = Operations(document)
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => int.Parse(r.Name, CultureInfo.InvariantCulture) >= 400)
                .Select(r => (Where: $"{o.Method} {o.Path} {r.Name}", Status: int.Parse(r.Name, CultureInfo.InvariantCulture), Response: r.Value)))
            .ToList();

        Assert.NotEmpty(errorResponses);
        Assert.All(errorResponses, r =>
        {
            var examples = r.Response.GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject().ToList();
            Assert.NotEmpty(examples);
            Assert.All(examples, e =>
            {
                var error = e.Value.GetProperty("value").GetProperty("error");
                var code = error.GetProperty("code").GetString()!;
                Assert.True(ErrorCodes.StatusOf(code) == r.Status, $"{r.Where}: example {code} is sent with {ErrorCodes.StatusOf(code)}");
                Assert.Equal(code, e.Name);
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), $"{r.Where}: {code} has no message");
            });
        });
    }

    [Fact]
    public async Task Document_CitesNothingOutsideTheRepository()
    {
        using var client = api.CreateClient();

        var served = await client.GetStringAsync("/swagger/v1/swagger.yaml");

        Assert.DoesNotContain("CONTRACT", served, StringComparison.Ordinal);
        Assert.DoesNotContain("../shared", served, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path.Name, operation.Name, operation.Value)));

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
