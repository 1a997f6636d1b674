using System.Net;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.Servable;

/// <summary>
/// RFC 2181 §10.3 and RFC 2782 with RFC 4592: an MX, NS or SRV target that has no node of its own is answered by the
/// wildcard at its closest encloser, so a wildcard CNAME there makes the target a CNAME (named-checkzone: "is a CNAME
/// (illegal)"). Refused in every order: the pointer, the wildcard, or the deletion that leaves the target to it.
/// </summary>
public sealed class WildcardCnameTargetTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("MX")]
    [InlineData("NS")]
    [InlineData("SRV")]
    public async Task Create_PointerAtNameAnsweredByWildcardCname_Returns409NamingTheWildcardAndChangesNothing(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("*.wc", "CNAME", "real.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await PointerRecord.To(type, zone.Fqdn("ns9.wc")).PostAsync(zone);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("ns9.wc"));
        RuleMessages.AssertNamesHost(message, zone.Fqdn("*.wc"));
    }

    public static TheoryData<string, TargetZone> PointersBeforeWildcards => new()
    {
        { "MX", TargetZone.SameZone },
        { "SRV", TargetZone.SameZone },
        { "MX", TargetZone.OtherZoneOfSameCustomer },
        // An NS target inside its own zone needs an address, so it has a node there and no wildcard answers it.
        { "NS", TargetZone.OtherZoneOfSameCustomer },
    };

    [Theory]
    [MemberData(nameof(PointersBeforeWildcards))]
    public async Task Create_WildcardCnameThatWouldAnswerAPointersTarget_Returns409NamingThePointer(string type, TargetZone place)
    {
        using var client = api.CreateAuthenticatedClient();
        var pointing = await TestZone.CreateAsync(client);
        var zone = place == TargetZone.SameZone ? pointing : await TestZone.CreateAsync(client);
        await (await PointerRecord.To(type, zone.Fqdn("host.wc")).PostAsync(pointing)).AssertSuccessAsync(HttpStatusCode.Created);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("*.wc", "CNAME", "real.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesType(message, type);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("host.wc"));
    }

    [Theory]
    [InlineData("host.wc", "host.wc", "A", "192.0.2.1")] // the target has records of its own
    [InlineData("host.wc", "www.host.wc", "A", "192.0.2.1")] // an empty non-terminal exists (RFC 4592 §2.2.2)
    [InlineData("a.b.wc", "b.wc", "TXT", "b")] // the closest encloser is b.wc, which has no wildcard
    public async Task Create_PointerAtNameTheWildcardDoesNotAnswer_Returns201(string target, string name, string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("*.wc", "CNAME", "real.example.net.");
        await zone.AddAsync(name, type, content);

        var data = await (await PointerRecord.To("MX", zone.Fqdn(target)).PostAsync(zone)).AssertSuccessAsync(HttpStatusCode.Created);

        Assert.Equal(zone.Fqdn(target), data.GetProperty("record").Str("content"));
    }

    [Theory]
    [InlineData("MX")]
    [InlineData("SRV")]
    public async Task Delete_LastRecordAtAPointersTargetUnderAWildcardCname_Returns409AndKeepsIt(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("*.wc", "CNAME", "real.example.net.");
        var address = await zone.AddRecordAsync("host.wc", "A", "192.0.2.1");
        await (await PointerRecord.To(type, zone.Fqdn("host.wc")).PostAsync(zone)).AssertSuccessAsync(HttpStatusCode.Created);
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteAsync(address.Str("id"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("*.wc"));
    }

    [Fact]
    public async Task Create_PointerAtNameAnsweredByAnotherCustomersWildcardCname_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        using var otherCustomer = await ServableZones.OtherCustomerClientAsync(api);
        var zone = await TestZone.CreateAsync(client);
        var theirs = await TestZone.CreateAsync(otherCustomer);
        await theirs.AddAsync("*.wc", "CNAME", "real.example.net.");

        var data = await (await PointerRecord.To("MX", theirs.Fqdn("host.wc")).PostAsync(zone)).AssertSuccessAsync(HttpStatusCode.Created);

        RuleMessages.AssertNoWarnings(data);
    }

    /// <summary>An MX in one zone and a wildcard CNAME in another that would answer its target: racing, exactly one may win.</summary>
    [Fact]
    public async Task Race_MxAgainstWildcardCnameInAnotherZoneAnsweringItsTarget_ExactlyOneWins()
    {
        using var client = api.CreateAuthenticatedClient();
        var pointing = await TestZone.CreateAsync(client);
        var zone = await TestZone.CreateAsync(client);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 15).SelectMany(k => new[]
        {
            new RacingWrite(pointing, $"m{k}", "MX", zone.Fqdn($"host.wc{k}"), 10).SendAsync(),
            new RacingWrite(zone, $"*.wc{k}", "CNAME", "real.example.net.").SendAsync(),
        }));

        foreach (var pair in outcomes.Chunk(2))
        {
            Assert.True(
                pair.Count(o => o.Won) == 1 && pair.Count(o => o.Code == "TARGET_IS_CNAME") == 1,
                $"expected one 201 and one 409 TARGET_IS_CNAME:\n{string.Join('\n', pair.AsEnumerable())}");
        }
    }
}
