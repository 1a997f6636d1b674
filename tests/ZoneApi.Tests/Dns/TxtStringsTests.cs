using ZoneApi.Dns.Content;

namespace ZoneApi.Tests.Dns;

public sealed class TxtStringsTests
{
    [Fact]
    public void Split_ShortValue_ReturnsOnePiece()
    {
        Assert.Equal(["v=spf1 -all"], TxtStrings.Split("v=spf1 -all"));
    }

    [Fact]
    public void Split_600Octets_ReturnsPiecesOf255()
    {
        var value = new string('a', 600);

        var pieces = TxtStrings.Split(value);

        Assert.Equal([255, 255, 90], pieces.Select(p => p.Length));
        Assert.Equal(value, string.Concat(pieces));
    }

    [Fact]
    public void Split_MultiOctetCharacterAtBoundary_KeepsItWhole()
    {
        // 254 ASCII octets, then 'é' (2 octets) would end at octet 256: it moves to the next piece.
        var value = new string('a', 254) + "é" + "z";

        var pieces = TxtStrings.Split(value);

        Assert.Equal(2, pieces.Count);
        Assert.Equal(new string('a', 254), pieces[0]);
        Assert.Equal("éz", pieces[1]);
    }

    [Fact]
    public void Split_FourOctetCharacters_NeverExceeds255Octets()
    {
        var value = string.Concat(Enumerable.Repeat("😀", 100));

        var pieces = TxtStrings.Split(value);

        Assert.Equal([252, 148], pieces.Select(p => System.Text.Encoding.UTF8.GetByteCount(p)));
    }
}
