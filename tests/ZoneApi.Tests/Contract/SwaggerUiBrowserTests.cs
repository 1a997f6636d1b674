using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Contract;

/// <summary>
/// Swagger UI as a person uses it, in Debian's Chromium driven by Playwright: authorize with a key, then
/// run operations from the page ("Try it out", then "Execute") and see the answers.
/// </summary>
public sealed class SwaggerUiBrowserTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task SwaggerUi_AuthorizeWithKeyThenTryGetZones_Shows200WithTheZones()
    {
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone("ui");
        (await client.PostAsJsonAsync("/v1/zones", new { name })).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAuthorizedAsync(browser, client.BaseAddress!);

        var (status, body) = await TryItOutAsync(page, "get", "/v1/zones", new() { ["limit"] = "1000" });

        Assert.Equal("200", status);
        Assert.Contains(name, body);
        Assert.Contains("\"status\": \"success\"", body);
    }

    /// <summary>
    /// Every create and update route, executed with the request body Swagger UI shows (the document's example),
    /// untouched: the examples must succeed as shown. Only path parameters are filled in, from earlier answers.
    /// </summary>
    [Fact]
    public async Task SwaggerUi_TryItOutWithTheShownExamples_SucceedsOnEveryCreateAndUpdateRoute()
    {
        using var client = api.CreateAuthenticatedClient();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAuthorizedAsync(browser, client.BaseAddress!);

        var createZone = await TryItOutAsync(page, "post", "/v1/zones", []);
        var zoneId = Data(createZone.Body).GetProperty("zone").GetProperty("id").GetString()!;
        var updateZone = await TryItOutAsync(page, "put", "/v1/zones/{zone_id}", new() { ["zone_id"] = zoneId });
        var createRecord = await TryItOutAsync(page, "post", "/v1/zones/{zone_id}/records", new() { ["zone_id"] = zoneId });
        var recordId = Data(createRecord.Body).GetProperty("record").GetProperty("id").GetString()!;
        var updateRecord = await TryItOutAsync(page, "put", "/v1/zones/{zone_id}/records/{record_id}",
            new() { ["zone_id"] = zoneId, ["record_id"] = recordId });
        var updateByName = await TryItOutAsync(page, "put", "/v1/zones/{zone_id}/records/by-name/{record_name}/{record_type}",
            new() { ["zone_id"] = zoneId, ["record_name"] = "www", ["record_type"] = "A" });

        Assert.Equal(("201", "example.com"), (createZone.Status, Data(createZone.Body).GetProperty("zone").GetProperty("name").GetString()));
        Assert.Equal("200", updateZone.Status);
        Assert.Equal("201", createRecord.Status);
        var created = Data(createRecord.Body).GetProperty("record");
        Assert.Equal(("www.example.com.", "A", "192.0.2.1", 3600, false), (created.GetProperty("name").GetString(),
            created.GetProperty("type").GetString(), created.GetProperty("content").GetString(), created.GetProperty("ttl").GetInt32(),
            created.GetProperty("disabled").GetBoolean()));
        Assert.Equal("200", updateRecord.Status);
        Assert.Equal(("200", "192.0.2.2"), (updateByName.Status, Data(updateByName.Body).GetProperty("record").GetProperty("content").GetString()));
    }

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (.ci/run does)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            // Root has no sandbox here; the other flags keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static async Task<IPage> OpenAuthorizedAsync(IBrowser browser, Uri baseAddress)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(baseAddress + "swagger/index.html");
        await page.ClickAsync("button.btn.authorize");
        await page.FillAsync(".auth-container input", ZoneApiFactory.BootstrapKey);
        await page.ClickAsync(".auth-btn-wrapper button.authorize");
        await page.ClickAsync(".auth-btn-wrapper button.btn-done");
        return page;
    }

    /// <summary>Opens one operation, presses "Try it out", fills the named parameters, executes, and reads the live answer.</summary>
    private static async Task<(string Status, string Body)> TryItOutAsync(
        IPage page, string method, string path, Dictionary<string, string> parameters)
    {
        var operation = page.Locator($".opblock-{method}").Filter(new LocatorFilterOptions { Has = page.Locator($"[data-path='{path}']") });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        foreach (var (name, value) in parameters)
        {
            await operation.Locator($"input[placeholder='{name}']").FillAsync(value);
        }

        await operation.Locator("button.execute").ClickAsync();
        var statusCell = operation.Locator(".live-responses-table tbody .response-col_status").First;
        await statusCell.WaitForAsync();
        var status = (await statusCell.InnerTextAsync()).Trim();
        var body = await operation.Locator(".live-responses-table tbody .response-col_description pre").First.InnerTextAsync();
        // Collapse it again, so that the page stays short and the next operation's panel is the only one open.
        await operation.Locator(".opblock-summary").ClickAsync();
        return (status, body);
    }

    private static JsonElement Data(string body) => JsonDocument.Parse(body).RootElement.GetProperty("data");
}
