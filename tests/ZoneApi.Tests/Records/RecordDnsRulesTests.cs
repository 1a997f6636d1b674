using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>The rules that depend on what is stored: conflicts, CNAME targets, loops, chains, and the warnings.</summary>
public sealed class RecordDnsRulesTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("A", "192.0.2.1")]
    [InlineData("TXT", "verification=abc123")]
    [InlineData("MX", "10 mail.example.net")]
    [InlineData("ALIAS", "lb.example.net")]
    public async Task CreateCname_WhereOtherDataExists_Returns409CnameConflictNamingTheType(string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("www", type, content);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "www", type = "CNAME", content = "example.com" });

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CONFLICT");
        Assert.Contains(type, error.Str("message"));
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("A", "192.0.2.1")]
    [InlineData("TXT", "verification=abc123")]
    [InlineData("MX", "10 mail.example.net")]
    [InlineData("ALIAS", "lb.example.net")]
    [InlineData("AAAA", "2001:db8::1")]
    public async Task CreateOtherData_WhereACnameExists_Returns409CnameConflictNamingTheCname(string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("www", "CNAME", "example.com");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "www", type, content });

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CONFLICT");
        Assert.Contains("CNAME", error.Str("message"));
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("A", "192.0.2.1")]
    [InlineData("AAAA", "2001:db8::1")]
    public async Task CreateAlias_WhereAddressesExist_Returns409AliasConflict(string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("@", type, content);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "@", type = "ALIAS", content = "lb.example.net" });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "ALIAS_CONFLICT");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("A", "192.0.2.1")]
    [InlineData("AAAA", "2001:db8::1")]
    public async Task CreateAddress_WhereAnAliasExists_Returns409AliasConflict(string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("@", "ALIAS", "lb.example.net");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "@", type, content });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "ALIAS_CONFLICT");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task CreateAlias_NextToOtherApexData_IsAllowed()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("@", "TXT", "v=spf1 -all");
        await zone.CreateAsync("@", "MX", "10 mail.example.net");

        var response = await zone.PostAsync(new { name = "@", type = "ALIAS", content = "lb.example.net" });

        await response.AssertSuccessAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("@", "MX", "10 alias.{zone}")]
    [InlineData("sub", "NS", "alias.{zone}")]
    [InlineData("_sip._tcp", "SRV", "10 5 5060 alias.{zone}")]
    public async Task CreateMxNsOrSrv_TargetingACname_Returns409TargetIsCname(string name, string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("alias", "CNAME", "example.com");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name, type, content = content.Replace("{zone}", zone.ZoneName) });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "TARGET_IS_CNAME");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task CreateMx_TargetingACnameInAnotherCustomersZone_Returns409TargetIsCname()
    {
        using var owner = api.CreateClientWithKey(await api.CreateKeyAsync("rules-owner-" + Guid.NewGuid().ToString("N")[..8]));
        using var other = api.CreateClientWithKey(await api.CreateKeyAsync("rules-other-" + Guid.NewGuid().ToString("N")[..8]));
        var theirs = await RecordsClient.CreateZoneAsync(owner);
        await theirs.CreateAsync("mail", "CNAME", "example.com");
        var zone = await RecordsClient.CreateZoneAsync(other);

        var response = await zone.PostAsync(new { name = "@", type = "MX", content = $"10 {theirs.Fqdn("mail")}" });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "TARGET_IS_CNAME");
    }

    [Theory]
    [InlineData("@", "MX", "10 target.{zone}")]
    [InlineData("sub", "NS", "target.{zone}")]
    [InlineData("_sip._tcp", "SRV", "10 5 5060 target.{zone}")]
    public async Task CreateCname_AtANameAnMxNsOrSrvTargets_Returns409TargetIsCname(string name, string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync(name, type, content.Replace("{zone}", zone.ZoneName));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "target", type = "CNAME", content = "example.com" });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "TARGET_IS_CNAME");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task CreateCname_ClosingALoop_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("a", "CNAME", zone.Fqdn("b"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "b", type = "CNAME", content = zone.Fqdn("a") });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_LOOP");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task CreateCname_ToItself_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "a", type = "CNAME", content = zone.Fqdn("a") });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_LOOP");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task CreateAlias_ClosingALoopThroughACnameInAnotherZone_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var other = await RecordsClient.CreateZoneAsync(client);
        await other.CreateAsync("www", "CNAME", zone.Apex);

        var response = await zone.PostAsync(new { name = "@", type = "ALIAS", content = other.Fqdn("www") });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_LOOP");
    }

    [Fact]
    public async Task PutCname_ClosingALoop_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("a", "CNAME", zone.Fqdn("b"));
        var b = await zone.CreateAsync("b", "CNAME", "example.com");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(b.Str("id"), new { name = "b", type = "CNAME", content = zone.Fqdn("a") });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_LOOP");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task CreateCname_MakingAChainOfNineHops_Returns409CnameChainTooLong()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        for (var i = 0; i < 8; i++)
        {
            await zone.CreateAsync($"n{i}", "CNAME", zone.Fqdn($"n{i + 1}"));
        }

        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "n8", type = "CNAME", content = zone.Fqdn("n9") });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task CreateCname_InFrontOfAnEightHopChain_Returns409CnameChainTooLong()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        for (var i = 1; i <= 8; i++)
        {
            await zone.CreateAsync($"n{i}", "CNAME", zone.Fqdn($"n{i + 1}"));
        }

        var response = await zone.PostAsync(new { name = "n0", type = "CNAME", content = zone.Fqdn("n1") });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG");
    }

    [Fact]
    public async Task CreateCname_ToAnotherCname_WarnsCnameChain()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("www", "CNAME", "example.cdn.com");

        var response = await zone.PostAsync(new { name = "blog", type = "CNAME", content = zone.Fqdn("www") });

        var data = await response.AssertSuccessAsync(HttpStatusCode.Created);
        Assert.Equal(["message", "record", "warnings"], RecordAssert.PropertyNames(data));
        Assert.Equal(["CNAME_CHAIN"], RecordAssert.WarningCodes(data));
        Assert.All(data.GetProperty("warnings").EnumerateArray(), w => Assert.False(string.IsNullOrWhiteSpace(w.Str("message"))));
        Assert.Equal(zone.Fqdn("www"), data.GetProperty("record").Str("content"));
    }

    [Theory]
    [InlineData("www", "CNAME", "nothing.{zone}")]
    [InlineData("@", "ALIAS", "nothing.{zone}")]
    [InlineData("@", "MX", "10 nothing.{zone}")]
    [InlineData("sub", "NS", "nothing.{zone}")]
    [InlineData("_sip._tcp", "SRV", "10 5 5060 nothing.{zone}")]
    public async Task Create_TargetInAHostedZoneWithNothingThere_WarnsTargetDoesNotResolve(string name, string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);

        var response = await zone.PostAsync(new { name, type, content = content.Replace("{zone}", zone.ZoneName) });

        var data = await response.AssertSuccessAsync(HttpStatusCode.Created);
        Assert.Equal(["TARGET_DOES_NOT_RESOLVE"], RecordAssert.WarningCodes(data));
    }

    [Theory]
    [InlineData("host.{zone}")]
    [InlineData("anything.dev.{zone}")]
    [InlineData("example.com")]
    public async Task CreateCname_TargetThatResolvesOrIsNotHosted_HasNoWarnings(string target)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("host", "A", "192.0.2.1");
        await zone.CreateAsync("*.dev", "A", "192.0.2.2");

        var response = await zone.PostAsync(new { name = "www", type = "CNAME", content = target.Replace("{zone}", zone.ZoneName) });

        var data = await response.AssertSuccessAsync(HttpStatusCode.Created);
        Assert.False(data.TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task CreateMx_TargetInAnotherHostedZoneWithRecords_HasNoWarnings()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var mail = await RecordsClient.CreateZoneAsync(client);
        await mail.CreateAsync("mx", "A", "192.0.2.1");

        var response = await zone.PostAsync(new { name = "@", type = "MX", content = $"10 {mail.Fqdn("mx")}" });

        var data = await response.AssertSuccessAsync(HttpStatusCode.Created);
        Assert.Empty(RecordAssert.WarningCodes(data));
    }
}
