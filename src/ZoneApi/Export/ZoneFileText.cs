using System.Globalization;
using System.Text;

namespace ZoneApi.Export;

/// <summary>
/// RFC 1035 §5.1 escapes for text in a master file. Output is plain ASCII: printable ASCII stays as it is,
/// every other octet (of the UTF-8 encoding) becomes <c>\DDD</c>, which is how BIND itself prints such data,
/// so no loader has to guess the file's encoding.
/// </summary>
public static class ZoneFileText
{
    /// <summary>One quoted character-string: <c>"</c> and <c>\</c> escaped with a backslash, non-printables as <c>\DDD</c>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var octet in Encoding.UTF8.GetBytes(value))
        {
            switch (octet)
            {
                case (byte)'"' or (byte)'\\':
                    quoted.Append('\\').Append((char)octet);
                    break;
                case >= 0x20 and <= 0x7e:
                    quoted.Append((char)octet);
                    break;
                default:
                    AppendDecimalEscape(quoted, octet);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>
    /// Canonical content is already presentation form with its own quotes and escapes; only characters beyond
    /// ASCII (say a CAA or NAPTR string in another script) are turned into their UTF-8 octets as <c>\DDD</c>,
    /// which means the same inside quotes and out (RFC 1035 §5.1).
    /// </summary>
    public static string EscapeNonAscii(string presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        if (Ascii.IsValid(presentation))
        {
            return presentation;
        }

        var escaped = new StringBuilder(presentation.Length + 16);
        Span<byte> octets = stackalloc byte[4];
        foreach (var rune in presentation.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                escaped.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(octets);
            foreach (var octet in octets[..length])
            {
                AppendDecimalEscape(escaped, octet);
            }
        }

        return escaped.ToString();
    }

    private static void AppendDecimalEscape(StringBuilder text, byte octet) =>
        text.Append('\\').Append(octet.ToString("D3", CultureInfo.InvariantCulture));
}
