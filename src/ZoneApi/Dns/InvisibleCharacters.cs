using System.Globalization;
using System.Text;

namespace ZoneApi.Dns;

/// <summary>
/// Characters that show nothing, or nothing distinct, on screen. UTS #46 maps several of them to nothing
/// (soft hyphen, ZERO WIDTH SPACE, word joiner, BOM, variation selectors), so <c>b\u00ADücher</c> would
/// quietly become <c>bücher</c>: a name someone reads differently from what is stored. We refuse them
/// instead, and say which one it is, because the client cannot see it either (CONTRACT A5: one visible
/// name is one zone). ZWJ and ZWNJ are refused too, although IDNA2008 allows them after a virama.
/// </summary>
public static class InvisibleCharacters
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [0x0085] = "NEXT LINE",
        [0x00A0] = "NO-BREAK SPACE",
        [0x00AD] = "SOFT HYPHEN",
        [0x034F] = "COMBINING GRAPHEME JOINER",
        [0x061C] = "ARABIC LETTER MARK",
        [0x115F] = "HANGUL CHOSEONG FILLER",
        [0x1160] = "HANGUL JUNGSEONG FILLER",
        [0x17B4] = "KHMER VOWEL INHERENT AQ",
        [0x17B5] = "KHMER VOWEL INHERENT AA",
        [0x180E] = "MONGOLIAN VOWEL SEPARATOR",
        [0x200B] = "ZERO WIDTH SPACE",
        [0x200C] = "ZERO WIDTH NON-JOINER",
        [0x200D] = "ZERO WIDTH JOINER",
        [0x200E] = "LEFT-TO-RIGHT MARK",
        [0x200F] = "RIGHT-TO-LEFT MARK",
        [0x2028] = "LINE SEPARATOR",
        [0x2029] = "PARAGRAPH SEPARATOR",
        [0x202A] = "LEFT-TO-RIGHT EMBEDDING",
        [0x202B] = "RIGHT-TO-LEFT EMBEDDING",
        [0x202C] = "POP DIRECTIONAL FORMATTING",
        [0x202D] = "LEFT-TO-RIGHT OVERRIDE",
        [0x202E] = "RIGHT-TO-LEFT OVERRIDE",
        [0x202F] = "NARROW NO-BREAK SPACE",
        [0x205F] = "MEDIUM MATHEMATICAL SPACE",
        [0x2060] = "WORD JOINER",
        [0x2061] = "FUNCTION APPLICATION",
        [0x2062] = "INVISIBLE TIMES",
        [0x2063] = "INVISIBLE SEPARATOR",
        [0x2064] = "INVISIBLE PLUS",
        [0x2066] = "LEFT-TO-RIGHT ISOLATE",
        [0x2067] = "RIGHT-TO-LEFT ISOLATE",
        [0x2068] = "FIRST STRONG ISOLATE",
        [0x2069] = "POP DIRECTIONAL ISOLATE",
        [0x2800] = "BRAILLE PATTERN BLANK",
        [0x3000] = "IDEOGRAPHIC SPACE",
        [0x3164] = "HANGUL FILLER",
        [0xFEFF] = "ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)",
        [0xFFA0] = "HALFWIDTH HANGUL FILLER",
    };

    /// <summary>
    /// The first invisible non-ASCII character of <paramref name="text"/>, described for people and phrased
    /// to follow a field name ("contains the invisible character U+200B (ZERO WIDTH SPACE)"), or null.
    /// ASCII spaces and controls are left to the callers, whose messages for them predate this check.
    /// </summary>
    public static string? Find(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return $"contains U+{(int)text[i]:X4}, half of a surrogate pair, which is not a character";
            }

            if (!rune.IsAscii && IsInvisible(rune))
            {
                return $"contains the invisible character U+{rune.Value:X4} ({NameOf(rune)})";
            }

            i += used;
        }

        return null;
    }

    /// <summary>Spaces, controls, format characters, and the default-ignorable code points that are letters or marks.</summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || Names.ContainsKey(rune.Value)
        || IsVariationSelector(rune.Value)
        || rune.Value is (>= 0x180B and <= 0x180F) or (>= 0xFFF0 and <= 0xFFF8) or (>= 0xE0000 and <= 0xE0FFF);

    private static bool IsVariationSelector(int value) => value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    private static string NameOf(Rune rune) => rune.Value switch
    {
        _ when Names.TryGetValue(rune.Value, out var name) => name,
        >= 0xFE00 and <= 0xFE0F => $"VARIATION SELECTOR-{rune.Value - 0xFE00 + 1}",
        >= 0xE0100 and <= 0xE01EF => $"VARIATION SELECTOR-{rune.Value - 0xE0100 + 17}",
        >= 0x180B and <= 0x180F => "a MONGOLIAN FREE VARIATION SELECTOR",
        >= 0x2000 and <= 0x200A => "a typographic space",
        >= 0xE0000 and <= 0xE0FFF => "a TAG character",
        _ => Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => "a control character",
            UnicodeCategory.SpaceSeparator => "a space",
            _ => "a format character",
        },
    };
}
