namespace ZoneApi.Dns.Content;

/// <summary>
/// SvcParamKey names and numbers (RFC 9460 §14.3.2 and the IANA registry). Input takes every registered
/// name and <c>keyNNNNN</c>; output names the keys BIND 9.18 and PowerDNS 4.7 know by name (0-6) and writes
/// the newer ones as <c>keyNNNNN</c>, the generic form that every server loads.
/// </summary>
internal static class SvcParamKeys
{
    public const int Mandatory = 0;
    public const int Alpn = 1;
    public const int NoDefaultAlpn = 2;
    public const int Port = 3;
    public const int Ipv4Hint = 4;
    public const int Ech = 5;
    public const int Ipv6Hint = 6;

    /// <summary>RFC 9461 §5: a relative URI template for DNS over HTTPS.</summary>
    public const int DohPath = 7;

    /// <summary>RFC 9540 §4: Oblivious HTTP is offered; the value is empty.</summary>
    public const int Ohttp = 8;

    /// <summary>The TLS key-share prediction draft (IANA registered): a list of 16-bit TLS group ids.</summary>
    public const int TlsSupportedGroups = 9;

    /// <summary>RFC 9460 §14.3.2 reserves 65535 as the "invalid key".</summary>
    private const int InvalidKey = 65535;

    /// <summary>The first key that BIND 9.18 and PowerDNS 4.7 do not accept by name.</summary>
    private const int FirstUnnamedOnOutput = DohPath;

    private static readonly string[] Names =
        ["mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint", "dohpath", "ohttp", "tls-supported-groups"];

    /// <summary>The canonical spelling of a key.</summary>
    public static string Name(int key) => key < FirstUnnamedOnOutput ? Names[key] : $"key{key}";

    /// <summary>
    /// Parses a key. <paramref name="generic"/> tells that it was written <c>keyNNNNN</c>, whose value is then
    /// the raw wire-format octets (RFC 9460 §2.1, Appendix A), as BIND reads it.
    /// </summary>
    public static string? TryParse(string text, out int key, out bool generic)
    {
        generic = false;
        key = Array.IndexOf(Names, text);
        if (key >= 0)
        {
            return null;
        }

        // RFC 9460 §2.1: "keyNNNNN" with the number in decimal and no leading zeros.
        var digits = text.StartsWith("key", StringComparison.Ordinal) ? text[3..] : "";
        if (!ContentNumbers.TryParse(digits, InvalidKey, out key) || (digits.Length > 1 && digits[0] == '0'))
        {
            return $"has the unknown SvcParam key '{text}': use {string.Join(", ", Names)} or keyNNNNN";
        }

        if (key == InvalidKey)
        {
            return "uses key65535, which RFC 9460 reserves as invalid";
        }

        // The wire form of these values is not their text form (alpn=h2 is "\002h2" as key1), so one spelling
        // is kept: two spellings of one value could otherwise get two record ids.
        if (key < FirstUnnamedOnOutput)
        {
            return $"writes {text} for a key that has a name: write it as {Names[key]}";
        }

        generic = true;
        return null;
    }
}
