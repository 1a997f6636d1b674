namespace ZoneApi.Tests.Dns;

/// <summary>Clients send back what they read (Terraform, the webhook), so canonical content must parse to itself.</summary>
public sealed class CanonicalRoundTripTests
{
    [Theory]
    [InlineData("A", "192.0.2.1", null)]
    [InlineData("AAAA", "2001:0DB8::0001", null)]
    [InlineData("CNAME", "Target.Example.com", null)]
    [InlineData("MX", "10 Mail.Example.com", null)]
    [InlineData("MX", ".", 0)]
    [InlineData("TXT", "\"v=DKIM1; k=rsa; p=\\\"x\\\"\"", null)]
    [InlineData("SRV", "5 5060 sip.example.com", 10)]
    [InlineData("CAA", "0 tbs \"a \\\"quoted\\\" \\\\ value\"", null)]
    [InlineData("TLSA", "3 1 1 ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", null)]
    [InlineData("SSHFP", "4 2 ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", null)]
    [InlineData("HTTPS", "1 . ech=AEX+ port=443 alpn=\"h2,h3\" key9999=\"a b\"", null)]
    [InlineData("SVCB", "0 Pool.Example.net", null)]
    [InlineData("NAPTR", "100 10 u E2U+sip \"!^\\\\+1(.*)$!sip:\\\\1@example.com!\" .", null)]
    public void Parse_CanonicalContent_ReturnsItself(string type, string content, int? priority)
    {
        var first = ContentAssert.Valid(type, content, priority);

        var second = ContentAssert.Valid(type, first.Content, first.Priority);

        Assert.Equal(first, second);
    }
}
