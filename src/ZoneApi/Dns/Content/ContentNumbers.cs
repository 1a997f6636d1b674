namespace ZoneApi.Dns.Content;

/// <summary>Unsigned decimal fields (RFC 1035 §5.1): digits only, no sign, no spaces, canonical without leading zeros.</summary>
internal static class ContentNumbers
{
    public const int MaxUInt16 = ushort.MaxValue;
    public const int MaxUInt8 = byte.MaxValue;

    public static bool TryParse(string token, int max, out int value)
    {
        value = 0;
        if (token.Length is 0 or > 10 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var parsed = long.Parse(token, provider: null);
        if (parsed > max)
        {
            return false;
        }

        value = (int)parsed;
        return true;
    }
}
