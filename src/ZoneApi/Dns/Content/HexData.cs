namespace ZoneApi.Dns.Content;

/// <summary>Hex fields of TLSA and SSHFP. RFC 6698 §2.2 lets the hex be split by whitespace; it is joined and lower-cased.</summary>
internal static class HexData
{
    public static string? TryNormalize(IEnumerable<string> parts, out string hex)
    {
        hex = string.Concat(parts).ToLowerInvariant();
        if (hex.Length == 0)
        {
            return "is missing";
        }

        if (!hex.All(char.IsAsciiHexDigit))
        {
            return "may contain only hexadecimal digits";
        }

        return hex.Length % 2 == 0 ? null : "has an odd number of hexadecimal digits";
    }
}
