using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

public sealed class TargetNameTests
{
    [Theory]
    [InlineData("example.com", "example.com.")]
    [InlineData("example.com.", "example.com.")]
    [InlineData("Mail.Example.COM", "mail.example.com.")]
    [InlineData("selector._domainkey.example.net", "selector._domainkey.example.net.")]
    [InlineData("_sip._tcp.example.com.", "_sip._tcp.example.com.")]
    [InlineData("bücher.de", "xn--bcher-kva.de.")]
    [InlineData("localhost.", "localhost.")]
    [InlineData("4.3.2.1.in-addr.arpa", "4.3.2.1.in-addr.arpa.")]
    public void Normalize_ValidTarget_ReturnsAbsoluteLowerCase(string input, string expected)
    {
        var result = TargetName.Normalize(input);

        Assert.Equal(NameResult.Valid(expected), result);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("mail")]
    [InlineData("*.example.com")]
    [InlineData("a..example.com")]
    [InlineData("mail example.com")]
    [InlineData("192.0.2.1")]
    [InlineData("-mail.example.com")]
    [InlineData("mail.example.com..")]
    [InlineData("mail/example.com")]
    public void Normalize_InvalidTarget_ReturnsError(string input)
    {
        var result = TargetName.Normalize(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Name);
    }

    [Fact]
    public void Normalize_RootWhenAllowed_ReturnsRoot()
    {
        var result = TargetName.Normalize(".", allowRoot: true);

        Assert.Equal(NameResult.Valid("."), result);
        Assert.True(TargetName.IsRoot(result.Name));
    }

    [Fact]
    public void Normalize_LongerThan253_ReturnsError()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        var result = TargetName.Normalize(name);

        Assert.Equal(NameResult.Invalid("is longer than 253 characters"), result);
    }
}
