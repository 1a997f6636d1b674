using System.Text;

namespace ZoneApi.Tests.Corpus;

/// <summary>
/// How a value is written in a master file for BIND. Content is presentation format already, except for
/// TXT, which the API keeps as one unquoted value (CONTRACT A3) and renders as quoted 255-octet strings,
/// and ALIAS, which no DNS type carries: it is checked as the CNAME it resembles.
/// </summary>
public static class MasterFileRdata
{
    private const int MaxStringOctets = 255;

    public static string BindType(string type) => type.Equals("ALIAS", StringComparison.OrdinalIgnoreCase) ? "CNAME" : type;

    /// <summary>The RDATA for a value as sent to the API (MX with its preference in front).</summary>
    public static string FromRequest(string type, string content) =>
        type.Equals("TXT", StringComparison.OrdinalIgnoreCase) ? Txt(StripOneQuotePair(content)) : content;

    /// <summary>The RDATA for a record as the API returns it.</summary>
    public static string FromRecord(string type, string content, int? priority) => type switch
    {
        "TXT" => Txt(content),
        "MX" => $"{priority} {content}",
        _ => content,
    };

    private static string StripOneQuotePair(string content) =>
        content.Length >= 2 && content[0] == '"' && content[^1] == '"' ? content[1..^1] : content;

    private static string Txt(string value)
    {
        var strings = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(value);
        for (var start = 0; start < bytes.Length || strings.Count == 0;)
        {
            // Cut at 255 octets, but never inside a UTF-8 sequence.
            var end = Math.Min(start + MaxStringOctets, bytes.Length);
            while (end < bytes.Length && (bytes[end] & 0xC0) == 0x80)
            {
                end--;
            }

            var text = Encoding.UTF8.GetString(bytes, start, end - start);
            strings.Add("\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
            start = end;
            if (start >= bytes.Length)
            {
                break;
            }
        }

        return string.Join(' ', strings);
    }
}
