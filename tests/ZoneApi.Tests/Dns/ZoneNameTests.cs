using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

public sealed class ZoneNameTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("Example.COM.", "example.com")]
    [InlineData("sub.example.co.uk", "sub.example.co.uk")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("2.0.192.in-addr.arpa", "2.0.192.in-addr.arpa")]
    [InlineData("a-b.example", "a-b.example")]
    public void NormalizeZoneName_ValidInput_ReturnsCanonicalName(string input, string expected)
    {
        var result = DnsName.NormalizeZoneName(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Name);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("com", "needs at least two labels")]
    [InlineData("example..com", "has an empty label")]
    [InlineData("example.com..", "has an empty label")]
    [InlineData("-a.example", "invalid label")]
    [InlineData("a_b.example", "invalid label 'a_b'")]
    [InlineData("exa mple.example", "invalid label")]
    [InlineData("ünï_.example", "letters, digits and hyphens")]
    [InlineData("192.0.2.1", "all-numeric")]
    public void NormalizeZoneName_InvalidInput_SaysWhy(string? input, string reason)
    {
        var result = DnsName.NormalizeZoneName(input);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void NormalizeZoneName_LongestLegalName_IsAcceptedAndOneMoreIsNot()
    {
        var longest = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 61));

        Assert.Equal(253, longest.Length);
        Assert.True(DnsName.NormalizeZoneName(longest).IsValid);
        Assert.False(DnsName.NormalizeZoneName("e" + longest).IsValid);
        Assert.False(DnsName.NormalizeZoneName(new string('a', 64) + ".example").IsValid);
    }
}
