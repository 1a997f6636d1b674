using System.Globalization;
using System.Text;

namespace ZoneApi.Dns;

/// <summary>
/// The Bidi Rule of RFC 5893 §2, which UTS #46 calls CheckBidi. .NET's IdnMapping asks ICU for ContextJ but
/// not for CheckBidi, so the rule is applied here. It keeps a name from displaying its labels in an order
/// that makes it read as another name once right-to-left text is involved.
/// </summary>
public static class BidiRule
{
    /// <summary>Bidi classes as far as the rule tells them apart (R and AL behave alike; ES, CS, ET, ON and BN too).</summary>
    private enum BidiClass
    {
        L,
        R,
        AN,
        EN,
        NSM,
        Neutral,
    }

    /// <summary>
    /// Checks the labels of a name, each already converted: <c>xn--</c> labels are decoded here. It applies only
    /// to a Bidi domain name, one with right-to-left or Arabic digits in some label (RFC 5893 §1.4), and then to
    /// every label. Labels with <c>_</c> and the wildcard <c>*</c> are not host names and are left out.
    /// Returns the reason, phrased to follow the field name, or null.
    /// </summary>
    public static string? Check(IEnumerable<string> asciiLabels)
    {
        var labels = asciiLabels
            .Where(l => l != "*" && !l.Contains('_', StringComparison.Ordinal))
            .Select(l => (Ascii: l, Classes: Classify(IdnaLabels.ToUnicode(l))))
            .ToList();
        if (!labels.Any(l => l.Classes.Any(c => c is BidiClass.R or BidiClass.AN)))
        {
            return null;
        }

        foreach (var (ascii, classes) in labels)
        {
            if (Violation(classes) is { } violation)
            {
                return $"has right-to-left text, and its label '{ascii}' breaks the Bidi Rule of RFC 5893: {violation}";
            }
        }

        return null;
    }

    private static string? Violation(List<BidiClass> classes)
    {
        // Rule 1: the first character says the label's direction.
        var rtl = classes[0] == BidiClass.R;
        if (classes[0] is not (BidiClass.L or BidiClass.R))
        {
            return "a label must start with a letter";
        }

        var last = classes.FindLastIndex(c => c != BidiClass.NSM);
        if (rtl)
        {
            // Rules 2-4: no left-to-right letters; end in R, EN or AN; European and Arabic digits do not mix.
            return classes.Contains(BidiClass.L) ? "a right-to-left label may not contain left-to-right letters"
                : classes[last] is not (BidiClass.R or BidiClass.EN or BidiClass.AN) ? "a right-to-left label must end in a right-to-left letter or a digit"
                : classes.Contains(BidiClass.EN) && classes.Contains(BidiClass.AN) ? "a right-to-left label may not mix European and Arabic-Indic digits"
                : null;
        }

        // Rules 5-6: no right-to-left letters or Arabic digits; end in L or EN.
        return classes.Any(c => c is BidiClass.R or BidiClass.AN) ? "a left-to-right label may not contain right-to-left text"
            : classes[last] is not (BidiClass.L or BidiClass.EN) ? "a left-to-right label must end in a letter or a digit"
            : null;
    }

    private static List<BidiClass> Classify(string label)
    {
        var classes = new List<BidiClass>(label.Length);
        foreach (var rune in label.EnumerateRunes())
        {
            classes.Add(Classify(rune));
        }

        return classes;
    }

    /// <summary>
    /// The Bidi_Class of a character that IDNA lets into a label, derived from its general category and block:
    /// .NET has no public Bidi_Class lookup. IDNA allows letters, marks, digits and the hyphen, and within those
    /// the class follows the script: the right-to-left scripts live in the blocks below.
    /// </summary>
    private static BidiClass Classify(Rune rune)
    {
        var value = rune.Value;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => BidiClass.NSM,
            _ when value is (>= '0' and <= '9') or (>= 0x06F0 and <= 0x06F9) => BidiClass.EN,
            _ when IsArabicNumber(value) => BidiClass.AN,
            _ when IsRightToLeftBlock(value) => BidiClass.R,
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber => BidiClass.L,
            _ => BidiClass.Neutral,
        };
    }

    // Arabic-Indic digits, the Arabic number signs, Hanifi Rohingya digits and Rumi numerals.
    private static bool IsArabicNumber(int value) =>
        value is (>= 0x0600 and <= 0x0605) or (>= 0x0660 and <= 0x0669) or 0x066B or 0x066C or 0x06DD
            or 0x0890 or 0x0891 or 0x08E2 or (>= 0x10D30 and <= 0x10D39) or (>= 0x10E60 and <= 0x10E7E);

    // Hebrew to Arabic Extended-A, the Hebrew and Arabic presentation forms, and the two supplementary
    // ranges Unicode sets aside for right-to-left scripts (Phoenician to Old Uyghur; Mende Kikakui to Arabic Mathematical).
    private static bool IsRightToLeftBlock(int value) =>
        value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFE)
            or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF);
}
