using System.Text;

namespace ZoneApi.Dns.Content;

/// <summary>
/// RFC 1035 §5.1 character-strings: <c>"quoted text"</c> or a bare word, with <c>\X</c> and <c>\DDD</c>
/// escapes. Canonical output is always quoted, escaping only <c>"</c> and <c>\</c>.
/// </summary>
internal static class CharacterString
{
    /// <summary>RFC 1035 §3.3: a length octet, so at most 255 octets.</summary>
    public const int MaxOctets = 255;

    public static string? TryDecode(string token, out string value)
    {
        value = "";
        var text = token;
        if (token.StartsWith('"'))
        {
            if (token.Length < 2 || !token.EndsWith('"'))
            {
                return "has an unterminated quoted string";
            }

            text = token[1..^1];
        }

        var decoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return "has a stray double quote: escape it as \\\"";
            }

            if (c != '\\')
            {
                decoded.Append(c);
                continue;
            }

            if (i + 1 == text.Length)
            {
                return "ends with a lone backslash";
            }

            if (i + 3 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
            {
                var code = int.Parse(text.AsSpan(i + 1, 3), provider: null);

                // A \DDD escape names one octet; above 127 it would be half a UTF-8 sequence, and
                // the API speaks text, so such octets are written as the characters themselves.
                if (code > 127)
                {
                    return $"has the escape \\{text.Substring(i + 1, 3)}: write non-ASCII text as characters, not \\DDD octets";
                }

                // The canonical form is quoted text, where a decoded line break or NUL would end the record.
                if (char.IsControl((char)code))
                {
                    return $"has the escape \\{text.Substring(i + 1, 3)}, a control character, which records here may not hold";
                }

                decoded.Append((char)code);
                i += 3;
                continue;
            }

            decoded.Append(text[++i]);
        }

        value = decoded.ToString();
        return null;
    }

    /// <summary>
    /// Decodes a character-string to its octets, where every <c>\DDD</c> up to 255 is allowed: the raw
    /// wire-format values of generic SvcParams (<c>key9="\000\029"</c>) need octets that text cannot hold.
    /// </summary>
    public static string? TryDecodeOctets(string token, out byte[] octets)
    {
        octets = [];
        var text = token.StartsWith('"') && token.Length >= 2 && token.EndsWith('"') ? token[1..^1] : token;
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                return "has a stray double quote: escape it as \\\"";
            }

            if (text[i] != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }

            if (i + 1 == text.Length)
            {
                return "ends with a lone backslash";
            }

            if (i + 3 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
            {
                var code = int.Parse(text.AsSpan(i + 1, 3), provider: null);
                if (code > byte.MaxValue)
                {
                    return $"has the escape \\{text.Substring(i + 1, 3)}, which is not an octet (000-255)";
                }

                bytes.Add((byte)code);
                i += 3;
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(text[++i].ToString()));
        }

        octets = [.. bytes];
        return null;
    }

    /// <summary>Writes octets as a quoted character-string: printable ASCII as itself, everything else as <c>\DDD</c>.</summary>
    public static string QuoteOctets(IEnumerable<byte> octets)
    {
        var text = new StringBuilder("\"");
        foreach (var octet in octets)
        {
            _ = octet switch
            {
                (byte)'"' or (byte)'\\' => text.Append('\\').Append((char)octet),
                >= 0x20 and < 0x7f => text.Append((char)octet),
                _ => text.Append('\\').Append(octet.ToString("D3", provider: null)),
            };
        }

        return text.Append('"').ToString();
    }

    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static int OctetCount(string value) => Encoding.UTF8.GetByteCount(value);
}
