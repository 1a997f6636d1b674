namespace ZoneApi.Dns.Content;

/// <summary>A (RFC 1035 §3.4.1) and AAAA (RFC 3596) content: one address, nothing else.</summary>
internal static class AddressContent
{
    public static RecordContentResult ParseA(string content) =>
        IpAddressText.TryCanonicalIpv4(content, out var canonical)
            ? RecordContentResult.Plain(RecordTypes.A, canonical)
            : RecordContentResult.BadContent("invalid IPv4 address: expected four decimal numbers 0-255 without leading zeros, such as 192.0.2.1");

    public static RecordContentResult ParseAaaa(string content)
    {
        if (IpAddressText.TryCanonicalIpv4(content, out _))
        {
            return RecordContentResult.BadContent("invalid IPv6 address: this is an IPv4 address, which belongs in an A record");
        }

        return IpAddressText.TryCanonicalIpv6(content, out var canonical)
            ? RecordContentResult.Plain(RecordTypes.Aaaa, canonical)
            : RecordContentResult.BadContent("invalid IPv6 address: expected an address such as 2001:db8::1, without brackets or a zone id");
    }
}
