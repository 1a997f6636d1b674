using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

public sealed class InvisibleCharactersTests
{
    [Theory]
    [InlineData("a\U000E0041b", "U+E0041 (a TAG character)")]
    [InlineData("a\U000E0100b", "U+E0100 (VARIATION SELECTOR-17)")]
    [InlineData("a\u180Bb", "U+180B (a MONGOLIAN FREE VARIATION SELECTOR)")]
    [InlineData("a\u2003b", "U+2003 (a typographic space)")]
    [InlineData("a\u3164b", "U+3164 (HANGUL FILLER)")]
    [InlineData("a\u2800b", "U+2800 (BRAILLE PATTERN BLANK)")]
    [InlineData("a\u0085b", "U+0085 (NEXT LINE)")]
    public void Find_InvisibleCharacter_NamesItByCodePoint(string text, string expected)
    {
        var found = InvisibleCharacters.Find(text);

        Assert.NotNull(found);
        Assert.Contains(expected, found, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnpairedSurrogate_SaysItIsNoCharacter()
    {
        // Built here: xunit would replace a lone surrogate in InlineData before the test sees it.
        var text = "a" + (char)0xD800 + "b";

        Assert.Equal("contains U+D800, half of a surrogate pair, which is not a character", InvisibleCharacters.Find(text));
    }

    [Theory]
    [InlineData("b\u00FCcher")]
    [InlineData("\u4E2D\u6587")]
    [InlineData("\u05D0\u05D1")]
    [InlineData("\U0001F4A9")]
    [InlineData("tab\tand space are the callers' to describe")]
    public void Find_VisibleTextOrAscii_ReturnsNull(string text)
    {
        Assert.Null(InvisibleCharacters.Find(text));
    }
}
