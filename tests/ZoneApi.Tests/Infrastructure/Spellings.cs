using System.Globalization;
using System.Text;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// Ways to write one visible name that UTS #46 makes equal: what a look-alike attack or an honest client
/// with another keyboard sends. The A-label spellings need the name as the API returned it.
/// </summary>
public static class Spellings
{
    public static readonly string[] All =
        ["NFC", "NFD", "upper case", "upper-case NFD", "A-label", "upper-case A-label", "fullwidth", "ideographic full stops", "trailing dot"];

    public static string Spell(string spelling, string unicodeName, string aLabelName) => spelling switch
    {
        "NFC" => unicodeName.Normalize(NormalizationForm.FormC),
        "NFD" => unicodeName.Normalize(NormalizationForm.FormD),
        "upper case" => unicodeName.ToUpperInvariant(),
        "upper-case NFD" => unicodeName.ToUpperInvariant().Normalize(NormalizationForm.FormD),
        "A-label" => aLabelName,
        "upper-case A-label" => aLabelName.ToUpperInvariant(),
        "fullwidth" => Fullwidth(unicodeName),
        "ideographic full stops" => unicodeName.Replace('.', '\u3002'),
        "trailing dot" => unicodeName + ".",
        _ => throw new ArgumentOutOfRangeException(nameof(spelling), spelling, null),
    };

    /// <summary>ASCII letters, digits and dots in their fullwidth forms (U+FF01-U+FF5E), as East Asian input methods type them.</summary>
    public static string Fullwidth(string name) =>
        string.Concat(name.Select(c => c == '.' ? '\uFF0E' : char.IsAsciiLetterOrDigit(c) ? (char)(c + 0xFEE0) : c));

    /// <summary>A label no other test uses, with a non-ASCII letter in it: "bücher" and eight hex digits.</summary>
    public static string UniqueUnicodeLabel() =>
        "b\u00FCcher" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8];
}
