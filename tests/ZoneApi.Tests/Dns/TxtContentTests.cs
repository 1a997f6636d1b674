namespace ZoneApi.Tests.Dns;

public sealed class TxtContentTests
{
    [Theory]
    [InlineData("v=spf1 -all", "v=spf1 -all")]
    [InlineData("\"v=spf1 -all\"", "v=spf1 -all")]
    [InlineData("\"\"quoted\"\"", "\"quoted\"")]
    [InlineData("\"a\" \"b\"", "a\" \"b")]
    [InlineData("say \"hi\"", "say \"hi\"")]
    [InlineData("\"unbalanced", "\"unbalanced")]
    [InlineData("Case  And   Spaces", "Case  And   Spaces")]
    [InlineData("grüße", "grüße")]
    public void Parse_Text_StripsOneEnclosingPairOnly(string content, string expected)
    {
        var result = ContentAssert.Valid("txt", content);

        Assert.Equal("TXT", result.Type);
        Assert.Equal(expected, result.Content);
        Assert.Equal(expected, result.Data);
        Assert.Null(result.Target);
    }

    [Fact]
    public void Parse_ValueOver255Octets_StaysOneValue()
    {
        var value = new string('k', 1000);

        var result = ContentAssert.Valid("TXT", value);

        Assert.Equal(value, result.Content);
    }

    [Fact]
    public void Parse_ValueOf4000Octets_ReturnsValid()
    {
        ContentAssert.Valid("TXT", new string('x', 4000));
    }

    [Fact]
    public void Parse_ValueOver4000Octets_ReturnsInvalid()
    {
        // 2000 two-octet characters plus one: 4001 octets but only 2001 characters.
        var result = ContentAssert.Invalid("TXT", new string('é', 2000) + "x");

        Assert.Equal("TXT value is 4001 octets in UTF-8; the limit is 4000", result.Reason);
    }

    [Theory]
    [InlineData("\"\"", "must not be empty")]
    [InlineData(" leading", "whitespace")]
    [InlineData("trailing ", "whitespace")]
    [InlineData("\" inside quotes\"", "whitespace")]
    [InlineData("tab\there", "control characters")]
    [InlineData("line\nbreak", "line breaks")]
    [InlineData("nul\0byte", "control characters")]
    public void Parse_BadText_ReturnsInvalid(string content, string reasonPart)
    {
        var result = ContentAssert.Invalid("TXT", content);

        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneSurrogate_ReturnsInvalid()
    {
        // Built in code: xunit would turn a lone surrogate in [InlineData] into U+FFFD.
        var content = "lone " + (char)0xD800 + " surrogate";

        var result = ContentAssert.Invalid("TXT", content);

        Assert.Equal("TXT value is not valid Unicode text", result.Reason);
    }
}
