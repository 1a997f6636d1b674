using System.Globalization;
using System.Text;

namespace ZoneApi.Dns;

/// <summary>
/// UTS #46 processing of one label at a time, through ICU (nontransitional, UseSTD3ASCIIRules, CheckJoiners):
/// NFC, case folding, fullwidth and compatibility forms mapped, so every spelling of a visible label gives the
/// same A-label. Labels go one at a time because owner names hold '_' and '*', which IDNA refuses.
/// </summary>
public static class IdnaLabels
{
    // ICU behind IdnMapping: GetAscii maps and checks a U-label; GetUnicode decodes and checks an A-label.
    private static readonly IdnMapping Idna = new() { UseStd3AsciiRules = true };

    private const string ReservedHyphens = "'--' in the third and fourth places is reserved for encodings such as punycode's xn--";

    /// <summary>
    /// UTS #46 §2.3: the ideographic full stop and its fullwidth and halfwidth forms separate labels just as
    /// '.' does, so <c>bücher。example</c> is two labels.
    /// </summary>
    public static string MapSeparators(string name) =>
        name.Replace('\u3002', '.').Replace('\uFF0E', '.').Replace('\uFF61', '.');

    /// <summary>
    /// Turns one non-empty label into lower-case ASCII: ASCII labels are lower-cased, others are mapped
    /// and punycoded. Returns the reason (phrased to follow the field name) when the label is no IDNA label.
    /// </summary>
    public static string? ToAscii(string label, out string ascii)
    {
        ascii = label;
        if (Ascii.IsValid(label))
        {
            // Case folding of ASCII is all UTS #46 does to it; ICU would leave "WWW" as it is.
            ascii = label.ToLowerInvariant();
            return null;
        }

        // ICU lets this through to ToAscii (as Windows does), but its A-label would not decode again.
        if (HasHyphensAtThreeAndFour(label))
        {
            return $"has an invalid label '{label}': {ReservedHyphens}";
        }

        try
        {
            ascii = Idna.GetAscii(label).ToLowerInvariant();
            return null;
        }
        catch (ArgumentException)
        {
            return $"has an invalid label '{label}': it holds a character that internationalised names do not allow "
                + "(labels hold letters, digits and hyphens, and may not start with a combining mark)";
        }
    }

    /// <summary>
    /// The checks on a lower-case ASCII label that UTS #46 makes on the U-label it stands for: an <c>xn--</c>
    /// label must be punycode that decodes to a valid U-label and encodes back to exactly the same A-label (so
    /// <c>xn--zz</c>, or an encoding of upper case or of NFD text, is refused), holds no invisible character,
    /// and with <paramref name="checkHyphens"/> no label has "--" in its third and fourth places (reserved for
    /// prefixes such as xn--, RFC 5891 §4.2.3.1).
    /// </summary>
    public static string? Check(string label, bool checkHyphens)
    {
        if (!label.StartsWith("xn--", StringComparison.Ordinal))
        {
            return checkHyphens && HasHyphensAtThreeAndFour(label)
                ? $"has an invalid label '{label}': {ReservedHyphens}"
                : null;
        }

        if (!TryDecode(label, out var unicode))
        {
            return $"has an invalid label '{label}': it is not valid punycode";
        }

        if (InvisibleCharacters.Find(unicode) is { } invisible)
        {
            return $"has an invalid label '{label}': its punycode {invisible}";
        }

        return checkHyphens && HasHyphensAtThreeAndFour(unicode)
            ? $"has an invalid label '{label}': it decodes to '{unicode}', and {ReservedHyphens}"
            : null;
    }

    /// <summary>The U-label of a label that <see cref="Check"/> has accepted; other labels come back as they are.</summary>
    public static string ToUnicode(string label) =>
        label.StartsWith("xn--", StringComparison.Ordinal) && TryDecode(label, out var unicode) ? unicode : label;

    private static bool TryDecode(string label, out string unicode)
    {
        try
        {
            unicode = Idna.GetUnicode(label);
            // A-labels must round-trip (RFC 5891 §5.4): GetAscii maps, so anything that was not already the
            // canonical form of its U-label comes back different.
            return !Ascii.IsValid(unicode) && Idna.GetAscii(unicode) == label;
        }
        catch (ArgumentException)
        {
            unicode = label;
            return false;
        }
    }

    private static bool HasHyphensAtThreeAndFour(string label) => label.Length >= 4 && label[2] == '-' && label[3] == '-';
}
