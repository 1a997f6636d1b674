using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Hosting;

/// <summary>The API executable as an operator runs it: admin subcommands, and startup failures.</summary>
public sealed class ExecutableTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task KeysCreate_PrintsASecretThatWorksWithTheRequestedScopesOnly()
    {
        var run = await RunAsync(["keys", "create", "--customer", "cli-customer", "--scopes", "zones:read", "--name", "ci"],
            ("ConnectionStrings__Zones", api.ConnectionString));

        Assert.Equal(0, run.ExitCode);
        var secret = run.Stdout.Trim();
        Assert.Matches("^zoneapi_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("only time", run.Stderr);
        using var client = api.CreateClientWithKey(secret);
        await (await client.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
    }

    [Theory]
    [InlineData("--customer", "Not A Name")]
    [InlineData("--scopes", "zones:read,zones:destroy")]
    public async Task KeysCreate_BadArguments_FailsWithOneLine(string flag, string value)
    {
        string[] args = flag == "--customer"
            ? ["keys", "create", flag, value]
            : ["keys", "create", "--customer", "acme", flag, value];

        var run = await RunAsync(args, ("ConnectionStrings__Zones", api.ConnectionString));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith("zoneapi: ", run.Stderr);
    }

    [Fact]
    public async Task Migrate_OnAFreshDatabase_AppliesEveryMigrationOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync();

        var first = await RunAsync(["migrate"], ("ConnectionStrings__Zones", database));
        var second = await RunAsync(["migrate"], ("ConnectionStrings__Zones", database));

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("0001_create_customers_and_api_keys", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Stdout);
    }

    [Fact]
    public async Task Serve_InProductionWithUnreachableDatabase_ExitsWithOneClearLine()
    {
        var run = await RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("ConnectionStrings__Zones", "Host=127.0.0.1;Port=1;Database=zones;Username=zoneapi;Password=hunter2;Timeout=5"));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Equal("zoneapi: cannot start: cannot reach PostgreSQL at 127.0.0.1:1, database 'zones': Connection refused", output);
        Assert.DoesNotContain("hunter2", output);
    }

    [Fact]
    public async Task Serve_InProductionWithoutConnectionString_ExitsWithOneClearLine()
    {
        var run = await RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Production"), ("ConnectionStrings__Zones", ""));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Single(output.Split('\n'));
        Assert.StartsWith("zoneapi: cannot start: no database is configured: set ConnectionStrings__Zones", output);
    }

    [Theory]
    [InlineData("ZoneApi__Quotas__ZonesPerCustomer", "-1", "ZoneApi:Quotas:ZonesPerCustomer and ZoneApi:Quotas:RecordsPerZone must be 0 (unlimited) or more")]
    [InlineData("ZoneApi__Quotas__RecordsPerZone", "-5", "ZoneApi:Quotas:ZonesPerCustomer and ZoneApi:Quotas:RecordsPerZone must be 0 (unlimited) or more")]
    [InlineData("ZoneApi__ReservedZones__0", "example", "ZoneApi:ReservedZones has 'example', which is not a zone name")]
    public async Task Serve_WithBadQuotaOrReservedZone_ExitsWithOneLineNamingTheSetting(string setting, string value, string expected)
    {
        var database = await TestPostgres.CreateDatabaseAsync();

        var run = await RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Production"), ("ConnectionStrings__Zones", database), (setting, value));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Single(output.Split('\n'));
        Assert.Contains(expected, output);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
