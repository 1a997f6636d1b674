using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

public sealed class ZoneNameTreeTests
{
    [Theory]
    [InlineData("example.com", new string[0])]
    [InlineData("www.example.com", new[] { "example.com" })]
    [InlineData("a.b.example.co.uk", new[] { "co.uk", "example.co.uk", "b.example.co.uk" })]
    public void Ancestors_Name_ListsParentsWithTwoLabelsOrMoreShallowestFirst(string name, string[] expected)
    {
        Assert.Equal(expected, ZoneNameTree.Ancestors(name));
    }

    [Theory]
    [InlineData("ns1.zoneapi.test", "zoneapi.test")]
    [InlineData("ns1.dns.provider.co.uk", "dns.provider.co.uk")]
    [InlineData("ns1.example", "ns1.example")]
    public void ParentOrSelf_HostName_ReturnsItsDomainOrItselfBelowATopLevelDomain(string host, string expected)
    {
        Assert.Equal(expected, ZoneNameTree.ParentOrSelf(host));
    }

    [Theory]
    [InlineData("example.com", "example.com", true)]
    [InlineData("www.example.com", "example.com", true)]
    [InlineData("example.com", "a.b.example.com", true)]
    [InlineData("xexample.com", "example.com", false)]
    [InlineData("example.com", "www.example.org", false)]
    [InlineData("a.example.com", "b.example.com", false)]
    public void Overlap_TwoZoneNames_TrueWhenOneIsAtOrBelowTheOther(string a, string b, bool expected)
    {
        Assert.Equal(expected, ZoneNameTree.Overlap(a, b));
    }
}
