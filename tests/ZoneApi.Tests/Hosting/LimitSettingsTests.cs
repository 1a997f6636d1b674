using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Hosting;

/// <summary>Limit settings out of range stop the server at startup with one line that names the setting.</summary>
public sealed class LimitSettingsTests
{
    [Theory]
    [InlineData("ZoneApi__DatabaseTimeoutSeconds", "0", "ZoneApi:DatabaseTimeoutSeconds must be between 1 and 300")]
    [InlineData("ZoneApi__WholeZoneTimeoutSeconds", "0", "ZoneApi:WholeZoneTimeoutSeconds must be between 1 and 3600")]
    [InlineData("ZoneApi__ConcurrentRequestsPerCustomer", "0", "ZoneApi:ConcurrentRequestsPerCustomer must be between 1 and 1000")]
    [InlineData("ZoneApi__RateLimits__ReadBurst", "0", "ZoneApi:RateLimits:ReadBurst must be between 1 and 1000000")]
    [InlineData("ZoneApi__RateLimits__WriteBurst", "5", "ZoneApi:RateLimits: each burst must be at least its rate per second")]
    public async Task Serve_WithALimitOutOfRange_ExitsWithOneClearLine(string variable, string value, string expected)
    {
        var run = await ZoneApiProcess.RunAsync([], ("ConnectionStrings__Zones", "Host=127.0.0.1;Port=1"), (variable, value));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Single(output.Split('\n'));
        Assert.Equal("zoneapi: cannot start: " + expected, output);
    }
}
