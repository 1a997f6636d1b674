namespace ZoneApi.Tests.Dns;

public sealed class AddressContentTests
{
    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.100.9")]
    public void ParseA_DottedQuad_ReturnsSameText(string address)
    {
        var result = ContentAssert.Valid("a", address);

        Assert.Equal("A", result.Type);
        Assert.Equal(address, result.Content);
        Assert.Equal(address, result.Data);
        Assert.Null(result.Priority);
        Assert.Null(result.Target);
    }

    [Theory]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2.3.-4")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1..2.3")]
    [InlineData("2001:db8::1")]
    [InlineData("example.com")]
    public void ParseA_NotStrictIpv4_ReturnsInvalid(string address)
    {
        var result = ContentAssert.Invalid("A", address);

        Assert.Equal("content", result.Field);
        Assert.StartsWith("invalid IPv4 address", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("0:0:0:0:0:0:0:0", "::")]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    public void ParseAaaa_AnyIpv6Text_ReturnsRfc5952Form(string address, string expected)
    {
        var result = ContentAssert.Valid("AAAA", address);

        Assert.Equal(expected, result.Content);
        Assert.Equal(expected, result.Data);
    }

    [Theory]
    [InlineData("192.0.2.1", "IPv4 address")]
    [InlineData("fe80::1%eth0", "zone id")]
    [InlineData("fe80::1%1", "zone id")]
    [InlineData("[2001:db8::1]", "brackets")]
    [InlineData("2001:db8::1::2", "invalid IPv6")]
    [InlineData("2001:db8::g", "invalid IPv6")]
    [InlineData(" 2001:db8::1", "invalid IPv6")]
    public void ParseAaaa_NotAnIpv6Address_ReturnsInvalid(string address, string reasonPart)
    {
        var result = ContentAssert.Invalid("AAAA", address);

        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }
}
