namespace ZoneApi.Dns;

/// <summary>
/// Label-by-label conversion shared by owner names and target names. Labels are converted one at a
/// time because IDNA (RFC 5891) rejects '_' and '*', which owner names and service targets need.
/// </summary>
internal static class DnsLabels
{
    /// <summary>
    /// Splits a name without its trailing dot (label separators already mapped to '.') into lower-case ASCII
    /// labels, turning Unicode labels into punycode (UTS #46). Returns the reason (phrased to follow the field
    /// name) when a label is unusable. <paramref name="checkHyphens"/> refuses "--" in the third and fourth places.
    /// </summary>
    public static string? TryToAscii(string name, bool allowWildcard, bool checkHyphens, out string[] labels)
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

            if (IdnaLabels.ToAscii(label, out var ascii) is { } invalid)
            {
                return invalid;
            }

            if (CheckLabel(ascii, checkHyphens) is { } error)
            {
                return error;
            }

            labels[i] = ascii;
        }

        return null;
    }

    private static string? CheckLabel(string label, bool checkHyphens)
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

        // Labels with '_' are not host names, so IDNA's hyphen rule is not theirs.
        return IdnaLabels.Check(label, checkHyphens && !label.Contains('_', StringComparison.Ordinal));
    }
}
