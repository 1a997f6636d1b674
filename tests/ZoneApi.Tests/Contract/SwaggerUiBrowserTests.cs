using System.Net.Http.Json;
using Microsoft.Playwright;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Contract;

/// <summary>
/// Swagger UI as a person uses it, in Debian's Chromium driven by Playwright: authorize with a key, then
/// run GET /v1/zones from the page and see the answer.
/// </summary>
public sealed class SwaggerUiBrowserTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task SwaggerUi_AuthorizeWithKeyThenTryGetZones_Shows200WithTheZones()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (.ci/run does)");
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone("ui");
        (await client.PostAsJsonAsync("/v1/zones", new { name })).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            // Root has no sandbox here; the other flags keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(client.BaseAddress + "swagger/index.html");
        await page.ClickAsync("button.btn.authorize");
        await page.FillAsync(".auth-container input", ZoneApiFactory.BootstrapKey);
        await page.ClickAsync(".auth-btn-wrapper button.authorize");
        await page.ClickAsync(".auth-btn-wrapper button.btn-done");
        var operation = page.Locator(".opblock-get").Filter(new LocatorFilterOptions { Has = page.Locator("[data-path='/v1/zones']") });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        await operation.Locator("input[placeholder='limit']").FillAsync("1000");
        await operation.Locator("button.execute").ClickAsync();
        var status = operation.Locator(".live-responses-table tbody .response-col_status").First;
        await status.WaitForAsync();

        Assert.Equal("200", (await status.InnerTextAsync()).Trim());
        var body = await operation.Locator(".live-responses-table tbody .response-col_description pre").First.InnerTextAsync();
        Assert.Contains(name, body);
        Assert.Contains("\"status\": \"success\"", body);
    }
}
