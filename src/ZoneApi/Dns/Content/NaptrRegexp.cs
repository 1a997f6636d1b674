namespace ZoneApi.Dns.Content;

/// <summary>
/// The regexp field of NAPTR (RFC 3403 §4.1): <c>delim ere delim repl delim flags</c>, such as
/// <c>!^.*$!sip:info@example.com!</c>, or empty. BIND refuses to load any other shape.
/// </summary>
internal static class NaptrRegexp
{
    /// <summary>Returns why <paramref name="regexp"/> (decoded text) is not in the RFC 3403 form, or null.</summary>
    public static string? Check(string regexp)
    {
        if (regexp.Length == 0)
        {
            return null;
        }

        // RFC 3403 §4.1: the delimiter is any character but a digit, the escape '\' and the flag 'i'.
        var delimiter = regexp[0];
        if (char.IsAsciiDigit(delimiter) || delimiter is '\\' or 'i')
        {
            return $"starts with '{delimiter}', which cannot be the delimiter (digits, '\\' and 'i' cannot): write it like !^.*$!sip:info@example.com!";
        }

        var parts = new List<string> { "" };
        for (var i = 1; i < regexp.Length; i++)
        {
            var c = regexp[i];
            if (c == delimiter)
            {
                if (parts.Count == 3)
                {
                    return $"has more than three '{delimiter}' delimiters: escape one inside the expression as \\{delimiter}";
                }

                parts.Add("");
                continue;
            }

            if (c == '\\' && parts.Count < 3)
            {
                if (++i == regexp.Length)
                {
                    return "ends with a lone backslash";
                }

                parts[^1] += "\\" + regexp[i];
                continue;
            }

            parts[^1] += c;
        }

        if (parts.Count != 3)
        {
            return $"is not 'delim ere delim replacement delim flags' (RFC 3403 §4.1): it needs three '{delimiter}' delimiters, such as !^.*$!sip:info@example.com!";
        }

        // RFC 3403 §4.1: the only flag is 'i', case-insensitive matching.
        if (parts[2].Any(f => f != 'i'))
        {
            return "has flags other than 'i' after the last delimiter";
        }

        if (CountGroups(parts[0]) is not { } groups)
        {
            return "has an expression whose parentheses or brackets do not match";
        }

        // RFC 3403 §4.1: back-references are \1 to \9 and must name a group of the expression.
        for (var i = 0; i < parts[1].Length - 1; i++)
        {
            if (parts[1][i] == '\\')
            {
                var next = parts[1][++i];
                if (next == '0' || (char.IsAsciiDigit(next) && next - '0' > groups))
                {
                    return $"refers to \\{next}, but the expression has {groups} group(s)";
                }
            }
        }

        return null;
    }

    /// <summary>The capture groups of a POSIX extended regular expression, or null when a group or bracket expression is left open.</summary>
    private static int? CountGroups(string ere)
    {
        var groups = 0;
        var depth = 0;
        for (var i = 0; i < ere.Length; i++)
        {
            switch (ere[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    // A bracket expression ends at the first ']' that is not its first member.
                    var from = i + (i + 1 < ere.Length && ere[i + 1] == '^' ? 3 : 2);
                    var close = from < ere.Length ? ere.IndexOf(']', from) : -1;
                    if (close < 0)
                    {
                        return null;
                    }

                    i = close;
                    break;
                case '(':
                    groups++;
                    depth++;
                    break;
                // BIND, like many ERE engines, reads a ')' that closes nothing as a literal.
                case ')' when depth > 0:
                    depth--;
                    break;
            }
        }

        return depth == 0 ? groups : null;
    }
}
