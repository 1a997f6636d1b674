namespace ZoneApi.Dns.Content;

/// <summary>SvcParamKey names and numbers (RFC 9460 §14.3.2). Unnamed keys are written <c>keyNNNNN</c>.</summary>
internal static class SvcParamKeys
{
    public const int Mandatory = 0;
    public const int Alpn = 1;
    public const int NoDefaultAlpn = 2;
    public const int Port = 3;
    public const int Ipv4Hint = 4;
    public const int Ech = 5;
    public const int Ipv6Hint = 6;

    /// <summary>RFC 9460 §14.3.2 reserves 65535 as the "invalid key".</summary>
    private const int InvalidKey = 65535;

    private static readonly string[] Names = ["mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint"];

    public static string Name(int key) => key < Names.Length ? Names[key] : $"key{key}";

    public static string? TryParse(string text, out int key)
    {
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

        // One spelling per key, so that two spellings of one value cannot get two record ids.
        return key < Names.Length ? $"writes {text} for a key that has a name: write it as {Names[key]}" : null;
    }
}
