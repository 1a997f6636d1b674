using ZoneApi.Hosting;
using ZoneApi.Zones;

namespace ZoneApi.Tests.Zones;

public sealed class ReservedZoneNamesTests
{
    [Theory]
    [InlineData("ns1.zoneapi.test,ns2.zoneapi.test", "hostmaster@zoneapi.test", "", "zoneapi.test")]
    [InlineData("ns1.example.net,ns2.example.org", "hostmaster.example.com", "", "example.com,example.net,example.org")]
    [InlineData("ns1.example", "dns.admin@Example.NET.", "Corp.Example.COM.,corp.example.com", "corp.example.com,example.net,ns1.example")]
    [InlineData("ns1.dns.provider.co.uk", "hostmaster@dns.provider.co.uk", "", "dns.provider.co.uk")]
    public void Of_Settings_ReservesNameserverAndContactDomainsAndTheConfiguredZones(
        string nameservers, string contact, string reserved, string expected)
    {
        var settings = new ZoneApiOptions
        {
            Nameservers = [.. nameservers.Split(',')],
            SoaContact = contact,
            ReservedZones = [.. reserved.Split(',', StringSplitOptions.RemoveEmptyEntries)],
        };
        Assert.Null(settings.Problem());

        var names = ReservedZoneNames.Of(settings);

        Assert.Equal(expected.Split(','), names);
    }

    [Theory]
    [InlineData("example")]
    [InlineData("under_score.example")]
    [InlineData("")]
    public void Problem_ReservedZoneThatIsNotAZoneName_NamesTheSetting(string entry)
    {
        var settings = new ZoneApiOptions { ReservedZones = [entry] };
        settings.ApplyDefaults();

        Assert.Contains("ZoneApi:ReservedZones", settings.Problem());
    }
}
