using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

public sealed class OwnerNameTests
{
    private const string Zone = "example.com";

    [Theory]
    [InlineData("@", "example.com.")]
    [InlineData("", "example.com.")]
    [InlineData("www", "www.example.com.")]
    [InlineData("WWW", "www.example.com.")]
    [InlineData("www.example.com", "www.example.com.")]
    [InlineData("www.example.com.", "www.example.com.")]
    [InlineData("Www.Example.COM.", "www.example.com.")]
    [InlineData("example.com", "example.com.")]
    [InlineData("example.com.", "example.com.")]
    [InlineData("*", "*.example.com.")]
    [InlineData("*.dev", "*.dev.example.com.")]
    [InlineData("*.example.com.", "*.example.com.")]
    [InlineData("_dmarc", "_dmarc.example.com.")]
    [InlineData("_acme-challenge.api", "_acme-challenge.api.example.com.")]
    [InlineData("_sip._tcp", "_sip._tcp.example.com.")]
    [InlineData("bücher", "xn--bcher-kva.example.com.")]
    [InlineData("BÜCHER", "xn--bcher-kva.example.com.")]
    [InlineData("xn--bcher-kva", "xn--bcher-kva.example.com.")]
    [InlineData("example.org", "example.org.example.com.")]
    [InlineData("1", "1.example.com.")]
    public void Normalize_ValidInput_ReturnsAbsoluteName(string input, string expected)
    {
        var result = OwnerName.Normalize(input, Zone);

        var valid = Assert.IsType<OwnerNameResult.Valid>(result);
        Assert.Equal(expected, valid.Name);
    }

    [Fact]
    public void Normalize_UnicodeZone_MatchesPunycodeInput()
    {
        var result = OwnerName.Normalize("www.bücher.de", "xn--bcher-kva.de");

        Assert.Equal(new OwnerNameResult.Valid("www.xn--bcher-kva.de."), result);
    }

    [Theory]
    [InlineData("www.other.org.", "www.other.org.")]
    [InlineData("example.com.evil.", "example.com.evil.")]
    [InlineData("notexample.com.", "notexample.com.")]
    [InlineData("com.", "com.")]
    [InlineData(".", ".")]
    public void Normalize_AbsoluteNameElsewhere_ReturnsOutsideZone(string input, string expected)
    {
        var result = OwnerName.Normalize(input, Zone);

        var outside = Assert.IsType<OwnerNameResult.OutsideZone>(result);
        Assert.Equal(expected, outside.Name);
    }

    [Theory]
    [InlineData("a*b", "'*'")]
    [InlineData("www.*", "leftmost")]
    [InlineData("*.*", "leftmost")]
    [InlineData("**", "'*'")]
    [InlineData("a..b", "empty label")]
    [InlineData("..", "empty label")]
    [InlineData(".www", "empty label")]
    [InlineData("www..", "empty label")]
    [InlineData("w w", "whitespace")]
    [InlineData(" www", "whitespace")]
    [InlineData("www\t", "whitespace")]
    [InlineData("www\n", "whitespace")]
    [InlineData("-www", "hyphen")]
    [InlineData("www-", "hyphen")]
    [InlineData("www!", "letters, digits")]
    [InlineData("@.www", "letters, digits")]
    [InlineData("xn--zz", "punycode")]
    public void Normalize_BadSyntax_ReturnsInvalid(string input, string reasonPart)
    {
        var result = OwnerName.Normalize(input, Zone);

        var invalid = Assert.IsType<OwnerNameResult.Invalid>(result);
        Assert.Contains(reasonPart, invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Null_ReturnsInvalid()
    {
        var result = OwnerName.Normalize(null, Zone);

        Assert.Equal(new OwnerNameResult.Invalid("is required"), result);
    }

    [Fact]
    public void Normalize_LabelOf64Octets_ReturnsInvalid()
    {
        var result = OwnerName.Normalize(new string('a', 64), Zone);

        var invalid = Assert.IsType<OwnerNameResult.Invalid>(result);
        Assert.Contains("longer than 63", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_LabelOf63Octets_ReturnsValid()
    {
        var label = new string('a', 63);

        var result = OwnerName.Normalize(label, Zone);

        Assert.Equal(new OwnerNameResult.Valid($"{label}.example.com."), result);
    }

    [Fact]
    public void Normalize_NameOf253Characters_ReturnsValid()
    {
        // 61 + 1 + 61 + 1 + 61 + 1 + 55 + 1 + "example.com" (11) = 253
        var relative = $"{new string('a', 61)}.{new string('b', 61)}.{new string('c', 61)}.{new string('d', 55)}";

        var result = OwnerName.Normalize(relative, Zone);

        var valid = Assert.IsType<OwnerNameResult.Valid>(result);
        Assert.Equal(254, valid.Name.Length);
    }

    [Fact]
    public void Normalize_NameOf254CharactersAfterAppendingZone_ReturnsInvalid()
    {
        var relative = $"{new string('a', 61)}.{new string('b', 61)}.{new string('c', 61)}.{new string('d', 56)}";

        var result = OwnerName.Normalize(relative, Zone);

        var invalid = Assert.IsType<OwnerNameResult.Invalid>(result);
        Assert.Contains("253", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_HugeInput_ReturnsInvalidWithoutWork()
    {
        var result = OwnerName.Normalize(new string('a', 100_000), Zone);

        Assert.IsType<OwnerNameResult.Invalid>(result);
    }
}
