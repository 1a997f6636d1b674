using System.Text;

namespace ZoneApi.Dns.Content;

/// <summary>
/// Renders a stored TXT value for DNS: RFC 1035 §3.3.14 makes TXT RDATA a sequence of character-strings
/// of at most 255 octets each, and resolvers join them again (RFC 7208 §3.3 for SPF, RFC 6376 §3.6.2.2
/// for DKIM), so a long value is cut into 255-octet pieces.
/// </summary>
public static class TxtStrings
{
    public const int MaxStringOctets = 255;

    /// <summary>
    /// Cuts a value into pieces of at most 255 UTF-8 octets, never inside a character: a piece that
    /// ended halfway through a UTF-8 sequence would show as garbage to software that reads it alone.
    /// </summary>
    public static IReadOnlyList<string> Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        var pieces = new List<string>();
        var current = new StringBuilder();
        var octets = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxStringOctets)
            {
                pieces.Add(current.ToString());
                current.Clear();
                octets = 0;
            }

            current.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        pieces.Add(current.ToString());
        return pieces;
    }
}
