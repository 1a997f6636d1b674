using System.Net;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.Servable;

/// <summary>
/// An enabled NS record whose target lies inside its own zone (and is not delegated away) needs an enabled A or AAAA
/// record there: named-checkzone refuses the zone otherwise ("has no address records"), and resolvers could not
/// reach the nameserver. Out-of-zone targets, and targets below a delegation (where glue is optional), are fine.
/// </summary>
public sealed class NameserverAddressTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("@", "nsx")]
    [InlineData("sub", "ns.other")]
    [InlineData("@", "ns.w")] // *.w answers ns.w, but with a TXT record, not an address
    public async Task Create_NsToInZoneTargetWithoutAddress_Returns409NamingTheTarget(string owner, string target)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("*.w", "TXT", "no address here");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(owner, "NS", zone.Fqdn(target));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "NS_TARGET_NEEDS_ADDRESS", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn(target));
    }

    [Theory]
    [InlineData("@", "nsx", "nsx", "A", "192.0.2.1")]
    [InlineData("@", "nsx", "nsx", "AAAA", "2001:db8::1")]
    [InlineData("@", "ns.w", "*.w", "A", "192.0.2.1")] // named-checkzone accepts an address from a wildcard
    [InlineData("sub", "ns.sub", null, null, null)] // below the delegation the NS makes: glue is optional
    public async Task Create_NsToTargetThatHasAnAddressOrNeedsNone_Returns201(
        string owner, string target, string? name, string? type, string? content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        if (name is not null)
        {
            await zone.AddAsync(name, type!, content!); // set together by every case that has an address
        }

        var data = await zone.AddAsync(owner, "NS", zone.Fqdn(target));

        Assert.Equal(zone.Fqdn(target), data.GetProperty("record").Str("content"));
    }

    [Fact]
    public async Task Create_NsToOutOfZoneTargetOrAnotherZoneOfTheCustomer_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);

        await zone.AddAsync("@", "NS", "ns.example.net.");
        await zone.AddAsync("@", "NS", other.Fqdn("ns-without-address"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Delete_LastAddressOfAnInZoneNsTarget_Returns409AndKeepsIt(bool byName)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var address = await zone.AddRecordAsync("nsx", "A", "192.0.2.1");
        await zone.AddAsync("@", "NS", zone.Fqdn("nsx"));
        var before = await zone.SnapshotAsync();

        var response = byName ? await zone.DeleteByNameAsync("nsx", "A") : await zone.DeleteAsync(address.Str("id"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "NS_TARGET_NEEDS_ADDRESS", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("nsx"));
    }

    [Fact]
    public async Task Delete_OneOfTwoAddressesOfAnNsTarget_Returns204()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var v4 = await zone.AddRecordAsync("nsx", "A", "192.0.2.1");
        await zone.AddAsync("nsx", "AAAA", "2001:db8::1");
        await zone.AddAsync("@", "NS", zone.Fqdn("nsx"));

        var response = await zone.DeleteAsync(v4.Str("id"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Create_DisablingTheLastAddressOfAnNsTarget_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("nsx", "A", "192.0.2.1");
        await zone.AddAsync("@", "NS", zone.Fqdn("nsx"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("nsx", "A", "192.0.2.1", disabled: true);

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "NS_TARGET_NEEDS_ADDRESS", before);
    }

    [Fact]
    public async Task Create_DisabledNsWithoutAddressThenEnablingIt_Returns201Then409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        (await zone.PostAsync("@", "NS", zone.Fqdn("nsx"), disabled: true)).Dispose();
        var before = await zone.SnapshotAsync();
        var enabling = await zone.PostAsync("@", "NS", zone.Fqdn("nsx"), disabled: false);

        Assert.Contains(await zone.RecordsAsync(), r => r.Str("type") == "NS" && r.Str("content") == zone.Fqdn("nsx"));
        await zone.AssertRefusedAsync(enabling, HttpStatusCode.Conflict, "NS_TARGET_NEEDS_ADDRESS", before);
    }

    [Fact]
    public async Task Delete_DelegationAboveAnApexNsTargetWithoutAddress_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("sub", "NS", "ns.example.net.");
        await zone.AddAsync("@", "NS", zone.Fqdn("ns.sub"));
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteByNameAsync("sub", "NS");

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "NS_TARGET_NEEDS_ADDRESS", before);
    }

    /// <summary>Deleting the last address and adding an NS record to it each pass alone; racing, exactly one may win.</summary>
    [Fact]
    public async Task Race_DeleteLastAddressAgainstCreateNsToIt_ExactlyOneWinsAndEveryNsTargetKeepsAnAddress()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var addresses = new List<string>();
        for (var k = 0; k < 15; k++)
        {
            addresses.Add((await zone.AddRecordAsync($"ns{k}", "A", "192.0.2.1")).Str("id"));
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 15).SelectMany(k => new[]
        {
            SendAsync(() => zone.DeleteAsync(addresses[k])),
            SendAsync(() => zone.PostAsync("@", "NS", zone.Fqdn($"ns{k}"))),
        }));

        foreach (var pair in outcomes.Chunk(2))
        {
            var (deleted, created) = (pair[0], pair[1]);
            Assert.True(
                (deleted.Status == HttpStatusCode.NoContent) != (created.Status == HttpStatusCode.Created),
                $"expected exactly one of delete and create to pass: delete {(int)deleted.Status} {deleted.Body}, create {(int)created.Status} {created.Body}");
            Assert.All(pair.Where(o => o.Status == HttpStatusCode.Conflict), o => Assert.Contains("NS_TARGET_NEEDS_ADDRESS", o.Body, StringComparison.Ordinal));
        }

        Assert.Empty(ServableZones.NameserversWithoutAddress(zone, await zone.RecordsAsync()));
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var response = await send();
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
