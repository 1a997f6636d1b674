using System.Diagnostics;
using System.Net;
using ZoneApi.Auth;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Auth;

/// <summary>CONTRACT A6's key lifecycle, as an operator drives it: `keys list`, `keys revoke`, bootstrap rotation.</summary>
public sealed class KeyLifecycleTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task NewBootstrapKey_RevokesTheEarlierOne_OnEveryInstance()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var first = ApiKeySecret.Generate();
        var second = ApiKeySecret.Generate();
        await using var old = new SecondInstance(database, ("ZoneApi:BootstrapKey", first));
        using var oldClient = old.CreateClientWithKey(first);
        await (await oldClient.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);

        await using var rotated = new SecondInstance(database, ("ZoneApi:BootstrapKey", second));
        var revoked = Stopwatch.StartNew();

        using var newClient = rotated.CreateClientWithKey(second);
        using var oldKeyOnNewInstance = rotated.CreateClientWithKey(first);
        await (await newClient.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);
        await (await oldKeyOnNewInstance.GetAsync("/v1/zones")).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        // The old instance read the first key less than a second ago, and may trust it until a second has passed.
        await KeyRefusal.AssertRefusedWithinOneSecondAsync(oldClient, revoked);
    }

    [Fact]
    public async Task RestartWithTheSameBootstrapKey_KeepsItWorking()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var key = ApiKeySecret.Generate();
        await using (new SecondInstance(database, ("ZoneApi:BootstrapKey", key)))
        {
        }

        await using var restarted = new SecondInstance(database, ("ZoneApi:BootstrapKey", key));

        using var client = restarted.CreateClientWithKey(key);
        await (await client.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM api_keys WHERE bootstrap"));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("zoneapi_short")]
    [InlineData("not-prefixed-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")]
    [InlineData("zoneapi_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("zoneapi_changemechangemechangemechangemechangeme")]
    [InlineData("zoneapi_0123456789abcdef0123456789abcdef0123456789+/")]
    public async Task WeakBootstrapKey_StopsStartupWithOneLine(string key)
    {
        var run = await ZoneApiProcess.RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("ConnectionStrings__Zones", api.ConnectionString), ("ZoneApi__BootstrapKey", key));

        Assert.Equal(1, run.ExitCode);
        var output = (run.Stdout + run.Stderr).Trim();
        Assert.Single(output.Split('\n'));
        Assert.StartsWith("zoneapi: cannot start: ZoneApi:BootstrapKey ", output);
        Assert.DoesNotContain(key, output);
    }

    [Fact]
    public async Task KeysList_ShowsPrefixCustomerAndStatus_NeverTheSecret()
    {
        var customer = "list-" + Guid.NewGuid().ToString("N")[..8];
        var active = await api.CreateKeyAsync(customer, Scopes.ZonesRead);
        var revoked = await api.CreateKeyAsync(customer);
        await RunKeysAsync("revoke", revoked);

        var run = await RunKeysAsync("list", "--customer", customer);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("ID", lines[0]);
        Assert.Contains(ApiKeySecret.DisplayPrefix(active), lines[1]);
        Assert.Matches($"{customer} .*zones:read .* active$", lines[1]);
        Assert.Contains(ApiKeySecret.DisplayPrefix(revoked), lines[2]);
        Assert.Matches(" revoked \\d{4}-\\d\\d-\\d\\dT", lines[2]);
        Assert.DoesNotContain(active, run.Stdout);
        Assert.DoesNotContain(revoked, run.Stdout);
    }

    public static TheoryData<string> RevokeReferences => new() { "prefix", "id", "short id", "secret" };

    [Theory]
    [MemberData(nameof(RevokeReferences))]
    public async Task KeysRevoke_StopsTheKeyWithinOneSecondOnEveryInstance(string reference)
    {
        var customer = "revoke-" + Guid.NewGuid().ToString("N")[..8];
        var key = await api.CreateKeyAsync(customer);
        var bystander = await api.CreateKeyAsync(customer);
        var id = await api.ScalarAsync<Guid>("SELECT id FROM api_keys WHERE key_hash = sha256(convert_to($1, 'UTF8'))", key);
        await using var otherInstance = new SecondInstance(api.ConnectionString);
        using var here = api.CreateClientWithKey(key);
        using var there = otherInstance.CreateClientWithKey(key);
        await (await there.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);
        var argument = reference switch
        {
            "prefix" => ApiKeySecret.DisplayPrefix(key),
            "id" => id.ToString(),
            "short id" => id.ToString()[..13], // v7 ids share their leading time bits: the test's two keys differ later
            _ => key,
        };

        var run = await RunKeysAsync("revoke", argument);
        var revoked = Stopwatch.StartNew();

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Revoked: key {id}", run.Stdout);
        // Within one second on every instance (CONTRACT A6), though each may trust a key it read under a second ago.
        await KeyRefusal.AssertRefusedWithinOneSecondAsync(here, revoked);
        await KeyRefusal.AssertRefusedWithinOneSecondAsync(there, revoked);
        using var other = api.CreateClientWithKey(bystander);
        await (await other.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("zoneapi_zzzz")]
    [InlineData("ffffffff-ffff")]
    [InlineData("x")]
    public async Task KeysRevoke_UnknownReference_FailsWithOneLine(string reference)
    {
        var run = await RunKeysAsync("revoke", reference);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal($"zoneapi: no key matches '{reference}'; see `keys list` for ids and prefixes.", run.Stderr.Trim());
    }

    [Fact]
    public async Task KeysRevoke_AmbiguousShortId_RevokesNothing()
    {
        var first = await api.CreateKeyAsync("ambiguous");
        await api.CreateKeyAsync("ambiguous");
        var firstHex = (await api.ScalarAsync<Guid>("SELECT id FROM api_keys WHERE key_hash = sha256(convert_to($1, 'UTF8'))", first)).ToString();
        var shared = await api.ScalarAsync<string>(
            "SELECT left(min(id::text), 4) FROM api_keys WHERE id::text LIKE left($1, 4) || '%' HAVING count(*) > 1", firstHex);
        const string Revoked = "SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL";
        var revokedBefore = await api.ScalarAsync<long>(Revoked);

        var run = await RunKeysAsync("revoke", shared!);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("matches more than one key", run.Stderr);
        Assert.Equal(revokedBefore, await api.ScalarAsync<long>(Revoked));
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunKeysAsync(params string[] args) =>
        ZoneApiProcess.RunAsync(["keys", .. args], ("ConnectionStrings__Zones", api.ConnectionString));

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
