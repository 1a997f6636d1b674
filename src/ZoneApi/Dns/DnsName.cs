using System.Globalization;

namespace ZoneApi.Dns;

/// <summary>Syntax and normalisation of domain names (RFC 1035 §2.3.4, RFC 1123 §2.1, RFC 5891).</summary>
public static class DnsName
{
    /// <summary>RFC 1035 §2.3.4 allows 255 octets on the wire, which is 253 characters in text without the root dot.</summary>
    public const int MaxLength = 253;

    public const int MaxLabelLength = 63;

    // UseStd3AsciiRules keeps non-LDH ASCII out of zone names; owner names, which may hold '_' and '*',
    // convert their labels one at a time instead.
    private static readonly IdnMapping Idna = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// Turns what a user typed into the stored zone name: lower-case, one trailing dot removed, Unicode
    /// labels as punycode. Zone names are LDH host names (RFC 1123) with at least two labels.
    /// </summary>
    public static NameResult NormalizeZoneName(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return NameResult.Invalid("is required");
        }

        var name = input.EndsWith('.') ? input[..^1] : input;
        if (name.Length == 0 || name.Contains("..") || name.StartsWith('.') || name.EndsWith('.'))
        {
            return NameResult.Invalid("has an empty label");
        }

        // Long before IDNA work, so a megabyte of text costs nothing.
        if (name.Length > MaxLength * 4)
        {
            return NameResult.Invalid($"is longer than {MaxLength} characters");
        }

        // ASCII input skips IDNA so that the label rules below can say exactly what is wrong with it.
        string ascii;
        try
        {
            ascii = (name.All(char.IsAscii) ? name : Idna.GetAscii(name)).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return NameResult.Invalid("may contain only letters, digits and hyphens in dot-separated labels");
        }

        return CheckHostName(ascii) is { } error ? NameResult.Invalid(error) : NameResult.Valid(ascii);
    }

    /// <summary>Checks an ASCII, lower-case name without the trailing dot against the host-name rules.</summary>
    private static string? CheckHostName(string name)
    {
        if (name.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            return "needs at least two labels, such as example.com";
        }

        foreach (var label in labels)
        {
            if (!IsLdhLabel(label))
            {
                return $"has an invalid label '{label}': labels are 1-{MaxLabelLength} letters, digits or hyphens, not starting or ending with a hyphen";
            }
        }

        // RFC 3696 §2: a top-level domain is never all-numeric, which also keeps IPv4 addresses out.
        return labels[^1].All(char.IsAsciiDigit) ? "ends in an all-numeric label, which no top-level domain is" : null;
    }

    /// <summary>A letter-digit-hyphen label (RFC 1123 §2.1), already lower-case.</summary>
    public static bool IsLdhLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

/// <summary>A normalised name, or the reason the input is not one (phrased to follow the field name).</summary>
public readonly record struct NameResult(string? Name, string? Error)
{
    public bool IsValid => Error is null;

    public static NameResult Valid(string name) => new(name, null);

    public static NameResult Invalid(string error) => new(null, error);
}
