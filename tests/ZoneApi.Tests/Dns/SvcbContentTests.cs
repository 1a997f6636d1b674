namespace ZoneApi.Tests.Dns;

public sealed class SvcbContentTests
{
    [Theory]
    [InlineData("1 . alpn=h2,h3 port=443", "1 . alpn=h2,h3 port=443")]
    [InlineData("1 . port=443 alpn=h2,h3", "1 . alpn=h2,h3 port=443")]
    [InlineData("1 . alpn=\"h2,h3\"", "1 . alpn=h2,h3")]
    [InlineData("1 svc.Example.net ipv6hint=2001:DB8::1 ipv4hint=192.0.2.1,192.0.2.2 ech=\"AEX+\" alpn=h3",
        "1 svc.example.net. alpn=h3 ipv4hint=192.0.2.1,192.0.2.2 ech=\"AEX+\" ipv6hint=2001:db8::1")]
    [InlineData("1 . ech=AEX+", "1 . ech=\"AEX+\"")]
    [InlineData("2 . key65000=abc no-default-alpn alpn=h2 mandatory=port,alpn port=8443",
        "2 . mandatory=alpn,port alpn=h2 no-default-alpn port=8443 key65000=abc")]
    [InlineData("1 . key667=\"hello world\"", "1 . key667=\"hello world\"")]
    [InlineData("1 . key667", "1 . key667")]
    [InlineData("1 .", "1 .")]
    [InlineData("0 example.com", "0 example.com.")]
    [InlineData("0 .", "0 .")]
    [InlineData("1 . alpn=h1\\\\,h2,h3", "1 . alpn=\"h1\\\\,h2,h3\"")]
    [InlineData("1 . alpn=\"f\\\\\\\\oo\\\\,bar,h2\"", "1 . alpn=\"f\\\\\\\\oo\\\\,bar,h2\"")]
    [InlineData("1 . alpn=h2\\,h3", "1 . alpn=h2,h3")]
    [InlineData("1 . ech=\"\"", "1 . ech=\"\"")]
    [InlineData("1 . ech", "1 . ech=\"\"")]
    [InlineData("1 . dohpath=/dns-query{?dns}", "1 . key7=\"/dns-query{?dns}\"")]
    [InlineData("1 . key7=/q{dns}", "1 . key7=\"/q{dns}\"")]
    [InlineData("1 . ohttp alpn=h2", "1 . alpn=h2 key8")]
    [InlineData("1 . mandatory=ohttp ohttp", "1 . mandatory=key8 key8")]
    [InlineData("1 . tls-supported-groups=29,23", "1 . key9=\"\\000\\029\\000\\023\"")]
    [InlineData("1 . key9=\"\\000\\029\\000\\023\"", "1 . key9=\"\\000\\029\\000\\023\"")]
    [InlineData("1 . tls-supported-groups=16705", "1 . key9=\"AA\"")]
    [InlineData("1 . ALPN=h2", "1 . alpn=h2")]
    public void Parse_ValidHttps_ReturnsParamsSortedByKeyNumber(string content, string expected)
    {
        var result = ContentAssert.Valid("https", content);

        Assert.Equal("HTTPS", result.Type);
        Assert.Equal(expected, result.Content);
        Assert.Equal(expected, result.Data);
        Assert.Null(result.Priority);
    }

    [Theory]
    [InlineData("1 . alpn=h2", null)]
    [InlineData("1 svc.example.net. alpn=h2", "svc.example.net.")]
    [InlineData("0 pool.example.net", "pool.example.net.")]
    public void Parse_Target_IsSetUnlessRoot(string content, string? target)
    {
        var result = ContentAssert.Valid("SVCB", content);

        Assert.Equal("SVCB", result.Type);
        Assert.Equal(target, result.Target);
    }

    [Theory]
    [InlineData("0 . alpn=h2", "AliasMode")]
    [InlineData("1", "HTTPS content is")]
    [InlineData("65536 .", "priority")]
    [InlineData("1 svc", "target")]
    [InlineData("1 . alpn=h2 alpn=h3", "repeats the SvcParam alpn")]
    [InlineData("1 . port=1 port=2", "repeats the SvcParam port")]
    [InlineData("1 . port=65536", "port number")]
    [InlineData("1 . port", "port number")]
    [InlineData("1 . alpn", "protocol ids")]
    [InlineData("1 . alpn=h2,,h3", "protocol ids")]
    [InlineData("1 . ipv4hint=192.0.2.01", "IPv4")]
    [InlineData("1 . ipv6hint=192.0.2.1", "IPv6")]
    [InlineData("1 . ech=not!base64", "base64")]
    [InlineData("1 . no-default-alpn", "no-default-alpn without alpn")]
    [InlineData("1 . no-default-alpn=x alpn=h2", "takes no value")]
    [InlineData("1 . mandatory=port", "lists port as mandatory but does not set it")]
    [InlineData("1 . mandatory=mandatory", "list of other keys")]
    [InlineData("1 . mandatory=port,port port=1", "without repeats")]
    [InlineData("1 . key1=h2", "write it as alpn")]
    [InlineData("1 . key65535", "reserves")]
    [InlineData("1 . key01=x", "unknown SvcParam key")]
    [InlineData("1 . dohpath=/q", "relative URI template")]
    [InlineData("1 . key7=bar", "relative URI template")]
    [InlineData("1 . key7", "relative URI template")]
    [InlineData("1 . dohpath=/{?dnsx}", "relative URI template")]
    [InlineData("1 . dohpath=/{?dns:0}", "relative URI template")]
    [InlineData("1 . dohpath=/%a{?dns}", "relative URI template")]
    [InlineData("1 . ohttp=1", "takes no value")]
    [InlineData("1 . tls-supported-groups=65536", "TLS group ids")]
    [InlineData("1 . key9=\\000", "TLS group ids")]
    [InlineData("1 . alpn=h1,", "protocol ids")]
    [InlineData("1 . alpn=\\,abc", "protocol ids")]
    [InlineData("1 _x.example.net.", "host name")]
    public void Parse_InvalidHttps_ReturnsInvalid(string content, string reasonPart)
    {
        var result = ContentAssert.Invalid("HTTPS", content);

        Assert.Equal("content", result.Field);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }
}
