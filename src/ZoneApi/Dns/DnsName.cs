namespace ZoneApi.Dns;

/// <summary>Syntax and normalisation of domain names (RFC 1035 §2.3.4, RFC 1123 §2.1, RFC 5891).</summary>
public static class DnsName
{
    /// <summary>RFC 1035 §2.3.4 allows 255 octets on the wire, which is 253 characters in text without the root dot.</summary>
    public const int MaxLength = 253;

    public const int MaxLabelLength = 63;

    /// <summary>
    /// Turns what a user typed into the stored zone name: lower-case, one trailing dot removed, Unicode
    /// labels as punycode after UTS #46 mapping (so every spelling of a visible name gives one zone).
    /// Zone names are LDH host names (RFC 1123) with at least two labels.
    /// </summary>
    public static NameResult NormalizeZoneName(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return NameResult.Invalid("is required");
        }

        if (InvisibleCharacters.Find(input) is { } invisible)
        {
            return NameResult.Invalid(invisible);
        }

        var mapped = IdnaLabels.MapSeparators(input);
        var name = mapped.EndsWith('.') ? mapped[..^1] : mapped;
        if (name.Length == 0 || name.Contains("..") || name.StartsWith('.') || name.EndsWith('.'))
        {
            return NameResult.Invalid("has an empty label");
        }

        // Long before IDNA work, so a megabyte of text costs nothing.
        if (name.Length > MaxLength * 4)
        {
            return NameResult.Invalid($"is longer than {MaxLength} characters");
        }

        // UTS #46 label by label; ASCII labels are only lower-cased, so that the host-name rules below can say
        // exactly what is wrong with them.
        var labels = name.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            if (IdnaLabels.ToAscii(labels[i], out labels[i]) is { } invalid)
            {
                return NameResult.Invalid(invalid);
            }
        }

        var ascii = string.Join('.', labels);
        var error = CheckHostName(ascii)
            ?? labels.Select(l => IdnaLabels.Check(l, checkHyphens: true)).FirstOrDefault(e => e is not null)
            ?? BidiRule.Check(labels);
        return error is null ? NameResult.Valid(ascii) : NameResult.Invalid(error);
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
