using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Operations;

/// <summary>ZoneApi:Metrics: Enabled turns the endpoint off, Path moves it, and a path inside the API stops startup.</summary>
public sealed class MetricsSettingsTests(MetricsOffApiFactory off, MovedMetricsApiFactory moved)
    : IClassFixture<MetricsOffApiFactory>, IClassFixture<MovedMetricsApiFactory>
{
    [Fact]
    public async Task Disabled_MetricsIsAnUnknownRoute()
    {
        using var client = off.CreateClient();

        var response = await client.GetAsync("/metrics");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Moved_ServesTheNewPathOnly()
    {
        using var client = moved.CreateClient();

        var scrape = await client.GetAsync(MovedMetricsApiFactory.Path);
        var old = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("# TYPE ", await scrape.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task PathInsideTheApi_ExitsWithOneClearLine()
    {
        var run = await ZoneApiProcess.RunAsync([], ("ConnectionStrings__Zones", "Host=127.0.0.1;Port=1"), ("ZoneApi__Metrics__Path", "/v1/zones"));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Single(output.Split('\n'));
        Assert.Contains("ZoneApi:Metrics:Path must be a path such as /metrics", output);
    }
}
