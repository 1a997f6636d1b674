using System.Net;
using System.Net.Sockets;

namespace ZoneApi.Dns.Content;

/// <summary>Strict address syntax for A, AAAA and the SVCB address hints.</summary>
internal static class IpAddressText
{
    /// <summary>
    /// Dotted-quad only. <see cref="IPAddress.TryParse(string, out IPAddress)"/> would also take "1.2.3",
    /// "0x7f.1" and "01.2.3.4", and the last is octal to some parsers (RFC 6943 §3.1.1), so it means
    /// different addresses to different software.
    /// </summary>
    public static bool TryCanonicalIpv4(string text, out string canonical)
    {
        canonical = text;
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(IsOctet);
    }

    /// <summary>RFC 5952 §4 text: lower-case, longest zero run compressed, which is what .NET prints.</summary>
    public static bool TryCanonicalIpv6(string text, out string canonical)
    {
        canonical = "";

        // Brackets, zone ids ("%eth0") and the like are not part of an address in a zone (RFC 4007 §11 is
        // about text shown to people, not DNS data), and a v6 address always has a colon.
        if (!text.Contains(':') || !text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.'))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        canonical = address.ToString();
        return true;
    }

    private static bool IsOctet(string part) =>
        part.Length is >= 1 and <= 3
        && part.All(char.IsAsciiDigit)
        && (part.Length == 1 || part[0] != '0')
        && int.Parse(part, provider: null) <= 255;
}
