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
        var run = await ZoneApiProcess.RunAsync(["keys", "create", "--customer", "cli-customer", "--scopes", "zones:read", "--name", "ci"],
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

        var run = await ZoneApiProcess.RunAsync(args, ("ConnectionStrings__Zones", api.ConnectionString));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith("zoneapi: ", run.Stderr);
    }

    [Fact]
    public async Task Migrate_OnAFreshDatabase_AppliesEveryMigrationOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync();

        var first = await ZoneApiProcess.RunAsync(["migrate"], ("ConnectionStrings__Zones", database));
        var second = await ZoneApiProcess.RunAsync(["migrate"], ("ConnectionStrings__Zones", database));

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("0001_create_customers_and_api_keys", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Stdout);
    }

    [Fact]
    public async Task Serve_InProductionWithUnreachableDatabase_ExitsWithOneClearLine()
    {
        var run = await ZoneApiProcess.RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("ConnectionStrings__Zones", "Host=127.0.0.1;Port=1;Database=zones;Username=zoneapi;Password=hunter2;Timeout=5"));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Equal("zoneapi: cannot start: cannot reach PostgreSQL at 127.0.0.1:1, database 'zones': Connection refused", output);
        Assert.DoesNotContain("hunter2", output);
    }

    [Fact]
    public async Task Serve_InProductionWithoutConnectionString_ExitsWithOneClearLine()
    {
        var run = await ZoneApiProcess.RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Production"), ("ConnectionStrings__Zones", ""));

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

        var run = await ZoneApiProcess.RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Production"), ("ConnectionStrings__Zones", database), (setting, value));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Single(output.Split('\n'));
        Assert.Contains(expected, output);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("help", "keys")]
    [InlineData("help", "keys", "revoke")]
    [InlineData("keys", "create", "--help")]
    public async Task Help_PrintsUsageAndExits0WithoutStartingAnything(params string[] args)
    {
        var run = await ZoneApiProcess.RunAsync(args, ("ConnectionStrings__Zones", "Host=127.0.0.1;Port=1"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.DoesNotContain("listening", run.Stdout);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var root = await ZoneApiProcess.RunAsync(["--help"]);
        var keys = await ZoneApiProcess.RunAsync(["help", "keys"]);

        foreach (var command in (string[])["migrate", "keys", "help"])
        {
            Assert.Contains($"  {command} ", root.Stdout);
        }

        foreach (var command in (string[])["create", "list", "revoke"])
        {
            Assert.Contains($"  {command} ", keys.Stdout);
        }
    }

    [Fact]
    public async Task Version_PrintsTheVersionAndExits0()
    {
        var run = await ZoneApiProcess.RunAsync(["--version"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout.Trim());
    }

    [Theory]
    [InlineData("mgrate")]
    [InlineData("keys", "delete", "x")]
    [InlineData("keys", "create")]
    public async Task UnknownCommandOrMissingOption_ExitsNonZeroWithoutStartingTheServer(params string[] args)
    {
        var run = await ZoneApiProcess.RunAsync(args, ("ConnectionStrings__Zones", "Host=127.0.0.1;Port=1"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("listening", run.Stdout);
        Assert.NotEmpty(run.Stderr.Trim());
    }

    [Fact]
    public async Task Serve_OnAPortInUse_ExitsWithOneClearLine()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await ZoneApiProcess.RunAsync(["--urls", $"http://127.0.0.1:{port}"], ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("ConnectionStrings__Zones", api.ConnectionString));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Equal($"zoneapi: cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use; "
            + "stop what uses it or choose another with --urls", output);
    }

    [Fact]
    public async Task Healthcheck_AgainstARunningApi_Exits0_AndAgainstNothing_Exits1()
    {
        using var client = api.CreateClient();
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var unusedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var up = await ZoneApiProcess.RunAsync(["healthcheck", "--url", new Uri(client.BaseAddress!, "/v1/health").ToString()]);
        var down = await ZoneApiProcess.RunAsync(["healthcheck", "--url", $"http://127.0.0.1:{unusedPort}/v1/health"]);

        Assert.Equal(0, up.ExitCode);
        Assert.StartsWith("200 from ", up.Stdout);
        Assert.Equal(1, down.ExitCode);
        Assert.StartsWith("zoneapi: no answer from ", down.Stderr);
    }

    [Theory]
    [InlineData("ZoneApi__DatabaseTimeoutSeconds", "abc", "Failed to convert configuration value 'abc' at 'ZoneApi:DatabaseTimeoutSeconds'")]
    [InlineData("ZoneApi__RateLimits__Enabled", "maybe", "Failed to convert configuration value 'maybe' at 'ZoneApi:RateLimits:Enabled'")]
    public async Task Serve_WithASettingOfTheWrongType_ExitsWithOneLineNamingIt(string setting, string value, string expected)
    {
        var run = await ZoneApiProcess.RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("ConnectionStrings__Zones", api.ConnectionString), (setting, value));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Single(output.Split('\n'));
        Assert.StartsWith($"zoneapi: cannot start: {expected}", output);
    }
}
