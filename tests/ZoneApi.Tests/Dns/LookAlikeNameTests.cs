using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

/// <summary>
/// UTS #46 on zone, owner and target names: every spelling of one visible name gives one canonical name,
/// and what cannot be seen (or is not punycode) is refused with a reason that names it.
/// </summary>
public sealed class LookAlikeNameTests
{
    private const string Canonical = "xn--bcher-kva.example";

    /// <summary>Spellings of "bücher.example" that are the same name to a reader.</summary>
    public static TheoryData<string, string> Spellings => new()
    {
        { "NFC", "b\u00FCcher.example" },
        { "NFD", "bu\u0308cher.example" },
        { "upper case", "B\u00DCCHER.example" },
        { "upper case NFD", "BU\u0308CHER.EXAMPLE" },
        { "A-label", "xn--bcher-kva.example" },
        { "upper-case A-label", "XN--BCHER-KVA.EXAMPLE" },
        { "fullwidth letters and full stop", "\uFF42\u00FC\uFF43\uFF48\uFF45\uFF52\uFF0Eexample" },
        { "fullwidth throughout, trailing dot", "\uFF42\u00FC\uFF43\uFF48\uFF45\uFF52\uFF0E\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E" },
        { "ideographic full stop", "b\u00FCcher\u3002example" },
        { "halfwidth ideographic full stop", "b\u00FCcher\uFF61example" },
        { "mixed case with dot", "B\u00FCcher.Example." },
    };

    /// <summary>Names that look like "bücher.example" (or like nothing) but are not names: refused, saying why.</summary>
    public static TheoryData<string, string, string> LookAlikes => new()
    {
        { "soft hyphen", "b\u00ADu\u0308cher.example", "U+00AD (SOFT HYPHEN)" },
        { "zero width space", "b\u00FC\u200Bcher.example", "U+200B (ZERO WIDTH SPACE)" },
        { "zero width non-joiner", "b\u00FC\u200Ccher.example", "U+200C (ZERO WIDTH NON-JOINER)" },
        { "zero width joiner", "b\u00FC\u200Dcher.example", "U+200D (ZERO WIDTH JOINER)" },
        { "byte order mark", "\uFEFFb\u00FCcher.example", "U+FEFF (ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK))" },
        { "word joiner", "b\u00FC\u2060cher.example", "U+2060 (WORD JOINER)" },
        { "right-to-left override", "b\u00FCcher\u202E.example", "U+202E (RIGHT-TO-LEFT OVERRIDE)" },
        { "right-to-left mark", "\u200Fb\u00FCcher.example", "U+200F (RIGHT-TO-LEFT MARK)" },
        { "no-break space", "b\u00FCcher\u00A0.example", "U+00A0 (NO-BREAK SPACE)" },
        { "ideographic space", "b\u00FCcher\u3000.example", "U+3000 (IDEOGRAPHIC SPACE)" },
        { "variation selector", "bu\uFE0Fcher.example", "U+FE0F (VARIATION SELECTOR-16)" },
        { "combining grapheme joiner", "bu\u034F\u0308cher.example", "U+034F (COMBINING GRAPHEME JOINER)" },
        { "invalid punycode", "xn--zz.example", "'xn--zz': it is not valid punycode" },
        { "empty punycode", "xn--.example", "invalid label 'xn--'" },
        { "punycode of ASCII", "xn--abc-.example", "invalid label 'xn--abc-'" },
        { "punycode of NFD text", "xn--bucher-xyd.example", "not valid punycode" },
        { "punycode of upper case", "xn--bcher-2pa.example", "not valid punycode" },
        { "punycode hiding a zero width space", "xn--bcher-kva1776c.example", "xn--bcher-kva1776c" },
        { "punycode hiding a soft hyphen", "xn--bcher-0ha66c.example", "xn--bcher-0ha66c" },
        { "punycode hiding a zero width joiner", "xn--11b6iy14e.example", "U+200D (ZERO WIDTH JOINER)" },
        { "hyphens in places 3 and 4", "ab--cd.example", "'--' in the third and fourth places" },
        { "U-label with hyphens in places 3 and 4", "b\u00FC--cher.example", "'--' in the third and fourth places" },
        { "leading combining mark", "\u0308bcher.example", "combining mark" },
        { "punctuation in a Unicode label", "b\u00FCcher!.example", "letters, digits and hyphens" },
        { "Hebrew and Latin in one label", "\u05D0a.example", "Bidi Rule" },
        { "Latin then Hebrew in one label", "a\u05D0.example", "Bidi Rule" },
        { "digit-first label beside Hebrew", "1abc.\u05D0\u05D1.example", "must start with a letter" },
        { "European and Arabic-Indic digits in one label", "\u05D01\u0661.example", "may not mix" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void NormalizeZoneName_AnySpelling_GivesTheCanonicalName(string spelling, string input)
    {
        var result = DnsName.NormalizeZoneName(input);

        Assert.True(result.IsValid, $"{spelling}: {result.Error}");
        Assert.Equal(Canonical, result.Name);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void NormalizeZoneName_LookAlike_IsRefusedSayingWhy(string lookAlike, string input, string reason)
    {
        var result = DnsName.NormalizeZoneName(input);

        Assert.False(result.IsValid, $"{lookAlike} was accepted as {result.Name}");
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void OwnerNameNormalize_AnySpellingOfTheApex_GivesTheApex(string spelling, string input)
    {
        var result = OwnerName.Normalize(input, Canonical);

        Assert.True(result is OwnerNameResult.Valid, $"{spelling}: {result}");
        Assert.Equal(new OwnerNameResult.Valid(Canonical + "."), result);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void OwnerNameNormalize_LookAlike_IsRefusedSayingWhy(string lookAlike, string input, string reason)
    {
        var result = OwnerName.Normalize("www." + input, "example");

        var invalid = Assert.IsType<OwnerNameResult.Invalid>(result);
        Assert.True(invalid.Reason.Contains(reason, StringComparison.Ordinal), $"{lookAlike}: {invalid.Reason}");
    }

    [Theory]
    [InlineData("\uFF57\uFF57\uFF57", "www.xn--bcher-kva.example.")]
    [InlineData("\uFF37\uFF37\uFF37", "www.xn--bcher-kva.example.")]
    [InlineData("WWW.BU\u0308CHER.EXAMPLE.", "www.xn--bcher-kva.example.")]
    [InlineData("www\u3002xn--bcher-kva\u3002example\u3002", "www.xn--bcher-kva.example.")]
    [InlineData("_dmarc.\uFF42\u00FC\uFF43\uFF48\uFF45\uFF52\uFF0Eexample", "_dmarc.xn--bcher-kva.example.")]
    [InlineData("*.\u00DCBER", "*.xn--ber-goa.xn--bcher-kva.example.")]
    public void OwnerNameNormalize_RelativeOrAbsoluteSpelling_GivesOneName(string input, string expected)
    {
        var result = OwnerName.Normalize(input, Canonical);

        Assert.Equal(new OwnerNameResult.Valid(expected), result);
    }

    [Theory]
    [InlineData("\uFF2D\uFF21\uFF29\uFF2C\uFF0Eb\u00FCcher\uFF0Eexample", "mail.xn--bcher-kva.example.")]
    [InlineData("MAIL.BU\u0308CHER.EXAMPLE.", "mail.xn--bcher-kva.example.")]
    [InlineData("r3---sn-abc.googlevideo.com", "r3---sn-abc.googlevideo.com.")]
    [InlineData("\u05D0\u05D1.example", "xn--4dbc.example.")]
    public void TargetNameNormalize_Spelling_GivesTheCanonicalTarget(string input, string expected)
    {
        var result = TargetName.Normalize(input);

        Assert.Equal(NameResult.Valid(expected), result);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void TargetNameNormalize_LookAlike_IsRefused(string lookAlike, string input, string reason)
    {
        var result = TargetName.Normalize("mail." + input);

        // Targets may point at ASCII names with "--" in them (they are other people's), so that one case is let through.
        if (input == "ab--cd.example")
        {
            Assert.True(result.IsValid, $"{lookAlike}: {result.Error}");
            return;
        }

        Assert.False(result.IsValid, $"{lookAlike} was accepted as {result.Name}");
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u05D0\u05D1.example", "xn--4dbc.example")]
    [InlineData("\u0627\u0644\u0639\u0631\u0628\u064A\u0629.example", "xn--mgbcd4a2b0d2b.example")]
    [InlineData("\u05D0\u05D11.example", "xn--1-zhcd.example")]
    [InlineData("stra\u00DFe.example", "xn--strae-oqa.example")]
    [InlineData("\u0130stanbul.example", "xn--istanbul-o0e.example")]
    public void NormalizeZoneName_RightToLeftOrSpecialCasing_FollowsUts46(string input, string expected)
    {
        var result = DnsName.NormalizeZoneName(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Name);
    }
}
