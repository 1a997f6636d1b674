namespace ZoneApi.Tests.Dns;

public sealed class TlsaContentTests
{
    private static readonly string Sha256 = new('A', 64);
    private static readonly string Sha512 = new('b', 128);

    [Fact]
    public void Parse_Sha256Digest_ReturnsLowerCaseHex()
    {
        var result = ContentAssert.Valid("TLSA", $"3 1 1 {Sha256}");

        Assert.Equal($"3 1 1 {new string('a', 64)}", result.Content);
        Assert.Equal(result.Content, result.Data);
    }

    [Fact]
    public void Parse_HexSplitByWhitespace_JoinsIt()
    {
        var result = ContentAssert.Valid("TLSA", $"2 0 2 {Sha512[..60]} {Sha512[60..]}");

        Assert.Equal($"2 0 2 {Sha512}", result.Content);
    }

    [Fact]
    public void Parse_FullCertificate_AcceptsAnyEvenLength()
    {
        var result = ContentAssert.Valid("TLSA", "0 0 0 30820122");

        Assert.Equal("0 0 0 30820122", result.Content);
    }

    [Theory]
    [InlineData("4 2 3 00")]
    [InlineData("255 255 255 abcdef")]
    [InlineData("0 0 3 00")]
    public void Parse_UnassignedOrPrivateUseValues_AreAccepted(string content)
    {
        var result = ContentAssert.Valid("TLSA", content);

        Assert.Equal(content, result.Content);
    }

    [Theory]
    [InlineData("256 1 1 {0}", "usage")]
    [InlineData("3 256 1 {0}", "selector")]
    [InlineData("3 1 256 {0}", "matching type")]
    [InlineData("3 1 2 {0}", "SHA-512")]
    [InlineData("3 1 1 {0}0", "odd number")]
    [InlineData("3 1 1 {0}zz", "hexadecimal")]
    [InlineData("3 1 1", "TLSA content is")]
    [InlineData("3 1 1 abcd", "SHA-256")]
    public void Parse_InvalidTlsa_ReturnsInvalid(string template, string reasonPart)
    {
        var result = ContentAssert.Invalid("TLSA", string.Format(null, template, Sha256));

        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }
}
