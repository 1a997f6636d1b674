using System.Text;

namespace ZoneApi.Dns.Content;

/// <summary>
/// TXT content is one value, stored unquoted and exactly as given (CONTRACT A3), however long: it is cut
/// into RFC 1035 character-strings only when rendered (<see cref="TxtStrings"/>).
/// </summary>
internal static class TxtContent
{
    /// <summary>
    /// Our limit on one TXT value, in UTF-8 octets. It fits a 4096-bit DKIM key with room to spare and
    /// keeps the RRset well inside what TCP answers carry (RFC 1035 allows up to 65535 octets of RDATA).
    /// </summary>
    public const int MaxOctets = 4000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RecordContentResult Parse(string content)
    {
        // Clients differ on whether TXT is sent quoted; one enclosing pair is transport, not data.
        // Inner quotes stay, so '"a" "b"' becomes 'a" "b', which is what DNScale's clients expect back.
        var value = content.Length >= 2 && content[0] == '"' && content[^1] == '"' ? content[1..^1] : content;
        if (value.Length == 0)
        {
            return RecordContentResult.BadContent("TXT value must not be empty");
        }

        // DNScale's CLI and webhook refuse such values client-side, and resolvers keep them, so a
        // stray space becomes a broken SPF or DKIM record that is hard to see.
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return RecordContentResult.BadContent("TXT value must not start or end with whitespace");
        }

        if (value.Any(char.IsControl))
        {
            return RecordContentResult.BadContent("TXT value must not contain tabs, line breaks or other control characters");
        }

        int octets;
        try
        {
            octets = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return RecordContentResult.BadContent("TXT value is not valid Unicode text");
        }

        return octets > MaxOctets
            ? RecordContentResult.BadContent($"TXT value is {octets} octets in UTF-8; the limit is {MaxOctets}")
            : RecordContentResult.Plain(RecordTypes.Txt, value);
    }
}
