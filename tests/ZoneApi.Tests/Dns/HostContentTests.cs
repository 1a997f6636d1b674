namespace ZoneApi.Tests.Dns;

public sealed class HostContentTests
{
    [Theory]
    [InlineData("CNAME", "example.com", "example.com.")]
    [InlineData("cname", "Target.Example.NET.", "target.example.net.")]
    [InlineData("ALIAS", "lb.provider.net", "lb.provider.net.")]
    [InlineData("NS", "ns1.example.org", "ns1.example.org.")]
    [InlineData("PTR", "host.example.com.", "host.example.com.")]
    [InlineData("CNAME", "s1._domainkey.mail.example.net", "s1._domainkey.mail.example.net.")]
    [InlineData("CNAME", "bücher.example", "xn--bcher-kva.example.")]
    public void Parse_HostName_ReturnsAbsoluteTarget(string type, string content, string expected)
    {
        var result = ContentAssert.Valid(type, content);

        Assert.Equal(type.ToUpperInvariant(), result.Type);
        Assert.Equal(expected, result.Content);
        Assert.Equal(expected, result.Data);
        Assert.Equal(expected, result.Target);
        Assert.Null(result.Priority);
    }

    [Theory]
    [InlineData("CNAME", ".")]
    [InlineData("NS", ".")]
    [InlineData("PTR", "192.0.2.1")]
    [InlineData("CNAME", "www")]
    [InlineData("ALIAS", "a b.example.com")]
    [InlineData("NS", "*.example.com")]
    [InlineData("NS", "ns_1.example.com")]
    [InlineData("CNAME", "a.*.example.com")]
    [InlineData("NS", "ns1..example.com")]
    [InlineData("CNAME", "http://example.com")]
    public void Parse_NotAHostName_ReturnsInvalid(string type, string content)
    {
        var result = ContentAssert.Invalid(type, content);

        Assert.Equal("content", result.Field);
        Assert.StartsWith($"invalid {type} target", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CNAME", "*.Example.net", "*.example.net.")]
    [InlineData("ALIAS", "*.example.net.", "*.example.net.")]
    [InlineData("PTR", "_http._tcp.example.net.", "_http._tcp.example.net.")]
    public void Parse_WildcardOrServiceTarget_IsALiteralName(string type, string content, string expected)
    {
        var result = ContentAssert.Valid(type, content);

        Assert.Equal(expected, result.Content);
    }

    [Fact]
    public void Parse_CnameWithPriorityZero_IgnoresPriority()
    {
        var result = ContentAssert.Valid("CNAME", "example.com", priority: 0);

        Assert.Null(result.Priority);
    }
}
