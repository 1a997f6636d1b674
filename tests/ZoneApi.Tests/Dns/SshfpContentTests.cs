namespace ZoneApi.Tests.Dns;

public sealed class SshfpContentTests
{
    [Theory]
    [InlineData(1, 1, 40)]
    [InlineData(4, 2, 64)]
    [InlineData(6, 2, 64)]
    [InlineData(3, 1, 40)]
    [InlineData(5, 3, 2)]
    [InlineData(0, 0, 2)]
    [InlineData(255, 255, 6)]
    public void Parse_RightLengthFingerprint_ReturnsLowerCase(int algorithm, int type, int hexDigits)
    {
        var result = ContentAssert.Valid("sshfp", $"{algorithm} {type} {new string('F', hexDigits)}");

        Assert.Equal("SSHFP", result.Type);
        Assert.Equal($"{algorithm} {type} {new string('f', hexDigits)}", result.Content);
    }

    [Theory]
    [InlineData("256 2 {0}", "algorithm")]
    [InlineData("4 256 {0}", "fingerprint type")]
    [InlineData("4 x {0}", "fingerprint type")]
    [InlineData("4 3", "SSHFP content is")]
    [InlineData("4 1 {0}", "20 octets")]
    [InlineData("4 2 {0}ab", "32 octets")]
    [InlineData("4 2 {0}a", "odd number")]
    [InlineData("4 2", "SSHFP content is")]
    public void Parse_InvalidSshfp_ReturnsInvalid(string template, string reasonPart)
    {
        var result = ContentAssert.Invalid("SSHFP", string.Format(null, template, new string('0', 64)));

        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }
}
