using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task Document_DeclaresBearerAuthOnEveryRouteButHealth()
    {
        using var client = api.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var secured = operation.Value.TryGetProperty("security", out _);
                Assert.True(secured == (path.Name != "/v1/health"), $"{operation.Name} {path.Name}: security declared = {secured}");
            }
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
