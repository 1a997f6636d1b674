using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>
/// Legal but risky writes succeed with <c>data.warnings</c>: CNAME_CHAIN (the target is itself a CNAME/ALIAS here)
/// and TARGET_DOES_NOT_RESOLVE (a target inside one of the customer's zones with nothing at it), both judged from
/// the writing customer's zones only. No warnings, no member.
/// </summary>
public sealed class TargetWarningTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string> TargetTypes => ["CNAME", "ALIAS", "MX", "NS", "SRV"];

    /// <summary>An NS target inside its own zone must have an address (Servable/NameserverAddressTests), so never "nothing there".</summary>
    public static TheoryData<string> SameZoneTargetTypes => ["CNAME", "ALIAS", "MX", "SRV"];

    [Theory]
    [InlineData("CNAME", "CNAME")]
    [InlineData("CNAME", "ALIAS")]
    [InlineData("ALIAS", "CNAME")]
    [InlineData("ALIAS", "ALIAS")]
    public async Task Create_AliasingTypeWhoseTargetIsAliasingType_Returns201WithCnameChainWarning(string type, string targetType)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("middle", targetType, "real.example.net.");

        var data = await zone.AddAsync("host", type, zone.Fqdn("middle"));

        Assert.Equal(["CNAME_CHAIN"], RuleMessages.WarningCodes(data));
        Assert.Equal(zone.Fqdn("middle"), data.GetProperty("record").Str("content"));
    }

    [Fact]
    public async Task Create_CnameWhoseTargetIsCnameOfAnotherCustomer_Returns201WithoutWarnings()
    {
        using var client = api.CreateAuthenticatedClient();
        using var other = api.CreateClientWithKey(await api.CreateKeyAsync("other" + Guid.NewGuid().ToString("N")[..12]));
        var zone = await TestZone.CreateAsync(client);
        var theirs = await TestZone.CreateAsync(other);
        await theirs.AddAsync("middle", "CNAME", "real.example.net.");

        var data = await zone.AddAsync("host", "CNAME", theirs.Fqdn("middle"));

        RuleMessages.AssertNoWarnings(data);
    }

    [Theory]
    [MemberData(nameof(SameZoneTargetTypes))]
    public async Task Create_TargetInHostedZoneWithNothingThere_Returns201WithTargetDoesNotResolve(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("nothing.near", "TXT", "a neighbour, not the target");

        var data = await AddPointingAsync(zone, type, zone.Fqdn("nothing"));

        Assert.Equal(["TARGET_DOES_NOT_RESOLVE"], RuleMessages.WarningCodes(data));
    }

    [Theory]
    [MemberData(nameof(TargetTypes))]
    public async Task Create_TargetInAnotherHostedZoneWithNothingThere_Returns201WithTargetDoesNotResolve(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);

        var data = await AddPointingAsync(zone, type, other.Fqdn("nothing"));

        Assert.Equal(["TARGET_DOES_NOT_RESOLVE"], RuleMessages.WarningCodes(data));
    }

    [Theory]
    [MemberData(nameof(TargetTypes))]
    public async Task Create_TargetOutsideHostedZones_Returns201WithoutWarnings(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var data = await AddPointingAsync(zone, type, "nothing.example.net.");

        RuleMessages.AssertNoWarnings(data);
    }

    [Theory]
    [MemberData(nameof(TargetTypes))]
    public async Task Create_TargetWithAddress_Returns201WithoutWarnings(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("server", "A", "192.0.2.1");

        var data = await AddPointingAsync(zone, type, zone.Fqdn("server"));

        RuleMessages.AssertNoWarnings(data);
    }

    [Theory]
    [MemberData(nameof(TargetTypes))]
    public async Task Create_TargetCoveredByWildcard_Returns201WithoutWarnings(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("*.dev", "A", "192.0.2.1");

        var data = await AddPointingAsync(zone, type, zone.Fqdn("api.dev"));

        RuleMessages.AssertNoWarnings(data);
    }

    [Theory]
    [InlineData("@", "SOA")]
    [InlineData("info", "TXT")]
    public async Task Create_TargetHoldingOtherData_Returns201WithoutWarnings(string target, string what)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        if (what == "TXT")
        {
            await zone.AddAsync(target, "TXT", "something lives here");
        }

        var data = await zone.AddAsync("host", "CNAME", zone.Fqdn(target));

        RuleMessages.AssertNoWarnings(data);
    }

    [Fact]
    public async Task Create_PlainRecord_Returns201WithoutWarningsMember()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var data = await zone.AddAsync("host", "A", "192.0.2.1");

        RuleMessages.AssertNoWarnings(data);
        Assert.Equal("Record created successfully", data.Str("message"));
    }

    [Fact]
    public async Task UpdateById_CnameRedirectedToEmptyHostedName_Returns200WithTargetDoesNotResolve()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("host", "CNAME", "real.example.net.");

        var response = await zone.PutAsync(record.Str("id"), "host", "CNAME", zone.Fqdn("nothing"));

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(["TARGET_DOES_NOT_RESOLVE"], RuleMessages.WarningCodes(data));
        Assert.Equal("Record updated successfully", data.Str("message"));
    }

    [Fact]
    public async Task UpdateByName_CnameRedirectedToAnotherCname_Returns200WithCnameChainWarning()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("middle", "CNAME", "real.example.net.");
        await zone.AddAsync("host", "CNAME", "other.example.net.");

        var response = await zone.PutByNameAsync("host", "CNAME", null, zone.Fqdn("middle"));

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(["CNAME_CHAIN"], RuleMessages.WarningCodes(data));
    }

    [Fact]
    public async Task UpdateById_MxRedirectedToEmptyHostedName_Returns200WithTargetDoesNotResolve()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("@", "MX", "mail.example.net.", 10);

        var response = await zone.PutAsync(record.Str("id"), "@", "MX", zone.Fqdn("mail"), 10);

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(["TARGET_DOES_NOT_RESOLVE"], RuleMessages.WarningCodes(data));
    }

    [Fact]
    public async Task UpdateById_CnameRedirectedToAddressName_Returns200WithoutWarningsMember()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("server", "A", "192.0.2.1");
        var record = await zone.AddRecordAsync("host", "CNAME", zone.Fqdn("nothing"));

        var response = await zone.PutAsync(record.Str("id"), "host", "CNAME", zone.Fqdn("server"));

        RuleMessages.AssertNoWarnings(await response.AssertSuccessAsync(HttpStatusCode.OK));
    }

    private static async Task<System.Text.Json.JsonElement> AddPointingAsync(TestZone zone, string type, string target) =>
        type is "CNAME" or "ALIAS"
            ? await zone.AddAsync("host", type, target)
            : await (await PointerRecord.To(type, target).PostAsync(zone)).AssertSuccessAsync(HttpStatusCode.Created);
}
