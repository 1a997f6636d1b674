namespace ZoneApi.Dns.Content;

/// <summary>
/// The <c>dohpath</c> SvcParam (RFC 9461 §5): a relative URI Template (RFC 6570) that starts with '/' and
/// uses a variable named <c>dns</c>, such as <c>/dns-query{?dns}</c>. Clients expand it, so a template they
/// cannot expand would break DNS over HTTPS for everyone who finds the record.
/// </summary>
internal static class DohPathTemplate
{
    /// <summary>RFC 6570 §2.2: operators of levels 2 and 3; "=,!@|" are reserved and refused.</summary>
    private const string Operators = "+#./;?&";

    /// <summary>RFC 6570 §2.4.1: a prefix modifier is 1-9999.</summary>
    private const int MaxPrefixDigits = 4;

    public static bool IsValid(string template)
    {
        if (!template.StartsWith('/'))
        {
            return false;
        }

        var hasDns = false;
        for (var i = 0; i < template.Length;)
        {
            var c = template[i];
            if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0 || !IsExpression(template[(i + 1)..end], ref hasDns))
                {
                    return false;
                }

                i = end + 1;
            }
            else if (c == '%')
            {
                if (!IsPercentEncoded(template, i))
                {
                    return false;
                }

                i += 3;
            }
            else if (IsLiteral(c))
            {
                i++;
            }
            else
            {
                return false;
            }
        }

        return hasDns;
    }

    private static bool IsExpression(string body, ref bool hasDns)
    {
        if (body.Length > 0 && Operators.Contains(body[0], StringComparison.Ordinal))
        {
            body = body[1..];
        }

        foreach (var varspec in body.Split(','))
        {
            var name = varspec;
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            if (name.EndsWith('*'))
            {
                name = name[..^1];
            }
            else if (colon >= 0)
            {
                var length = name[(colon + 1)..];
                if (length.Length is 0 or > MaxPrefixDigits || length[0] == '0' || !length.All(char.IsAsciiDigit))
                {
                    return false;
                }

                name = name[..colon];
            }

            if (!IsVariableName(name))
            {
                return false;
            }

            hasDns |= name == "dns";
        }

        return true;
    }

    /// <summary>RFC 6570 §2.3: varchar *( ["."] varchar ), varchar being ALPHA, DIGIT, '_' or a percent-encoded octet.</summary>
    private static bool IsVariableName(string name) =>
        name.Length > 0 && name.Split('.').All(part => part.Length > 0 && IsVarChars(part));

    private static bool IsVarChars(string part)
    {
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%')
            {
                if (!IsPercentEncoded(part, i))
                {
                    return false;
                }

                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(part[i]) && part[i] != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPercentEncoded(string text, int at) =>
        at + 2 < text.Length && char.IsAsciiHexDigit(text[at + 1]) && char.IsAsciiHexDigit(text[at + 2]);

    /// <summary>RFC 6570 §2.1: any character but controls, space and the ones it excludes (quotes, '%', angle brackets, backslash, caret, backtick, braces, bar).</summary>
    private static bool IsLiteral(char c) =>
        c > 0x7f ? !char.IsControl(c) : c > 0x20 && c != 0x7f && !"\"'%<>\\^`{|}".Contains(c, StringComparison.Ordinal);
}
