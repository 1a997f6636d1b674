using System.Text;

using System.Globalization;

namespace ZoneApi.Dns;

/// <summary>
/// Label-by-label conversion shared by owner names and target names. Labels are converted one at a
/// time because IDNA (RFC 5891) rejects '_' and '*', which owner names and service targets need.
/// </summary>
internal static class DnsLabels
{
    private static readonly IdnMapping Idna = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// Splits a name without its trailing dot into lower-case ASCII labels, turning Unicode labels
    /// into punycode. Returns the reason (phrased to follow the field name) when a label is unusable.
    /// </summary>
    public static string? TryToAscii(string name, bool allowWildcard, out string[] labels)
    {
        labels = name.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0)
            {
                return "has an empty label";
            }

            if (label == "*")
            {
                // RFC 4592 §2.1.1: the asterisk is a wildcard only as the whole leftmost label.
                if (!allowWildcard || i != 0)
                {
                    return allowWildcard ? "may hold '*' only as the whole leftmost label" : "may not contain '*'";
                }

                continue;
            }

            if (ConvertLabel(label) is not { } ascii)
            {
                return $"has an invalid label '{label}'";
            }

            if (CheckLabel(ascii) is { } error)
            {
                return error;
            }

            labels[i] = ascii;
        }

        return null;
    }

    private static string? ConvertLabel(string label)
    {
        // Lower-case before IDNA: in invariant globalization mode IdnMapping does not fold case,
        // and "BÜCHER" must give the same punycode as "bücher".
        var lower = label.ToLowerInvariant();
        if (Ascii.IsValid(lower))
        {
            return lower;
        }

        try
        {
            return Idna.GetAscii(lower);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? CheckLabel(string label)
    {
        if (label.Length > DnsName.MaxLabelLength)
        {
            return $"has a label longer than {DnsName.MaxLabelLength} octets";
        }

        if (label.Contains('*'))
        {
            return $"has an invalid label '{label}': '*' is allowed only as a whole label";
        }

        if (!label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
        {
            return $"has an invalid label '{label}': labels hold only letters, digits, hyphens and underscores";
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return $"has an invalid label '{label}': labels may not start or end with a hyphen";
        }

        // An ACE label that does not decode is not punycode at all (RFC 5891 §5.4).
        return label.StartsWith("xn--", StringComparison.Ordinal) && !IsValidPunycode(label)
            ? $"has an invalid label '{label}': it is not valid punycode"
            : null;
    }

    private static bool IsValidPunycode(string label)
    {
        try
        {
            return Idna.GetUnicode(label).Length > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
