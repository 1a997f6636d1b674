namespace ZoneApi.Dns.Content;

/// <summary>The value of each SvcParam (RFC 9460 §7, RFC 9461, RFC 9540), checked and written in canonical form.</summary>
internal static class SvcParamValues
{
    /// <summary>
    /// Formats <c>key=value</c> (or the bare key), or returns null when the value is not valid for the key.
    /// The value is decoded, and null when the key was written without '='; mandatory collects the keys it lists.
    /// </summary>
    public static string? Format(int key, string? value, List<int> mandatory)
    {
        var name = SvcParamKeys.Name(key);
        switch (key)
        {
            // RFC 9460 §7.1.1 and RFC 9540 §4: these keys carry an empty value.
            case SvcParamKeys.NoDefaultAlpn or SvcParamKeys.Ohttp:
                return string.IsNullOrEmpty(value) ? name : null;

            // RFC 9460 §7.3: an empty ECHConfigList is allowed on the wire; otherwise it is base64.
            case SvcParamKeys.Ech:
                return string.IsNullOrEmpty(value) ? $"{name}=\"\""
                    : !value.Any(char.IsWhiteSpace) && Convert.TryFromBase64String(value, new byte[value.Length], out _) ? $"{name}={CharacterString.Quote(value)}"
                    : null;

            // The template's text is also its wire form, so BIND and PowerDNS read it as the generic key7.
            case SvcParamKeys.DohPath:
                return value is not null && DohPathTemplate.IsValid(value) ? $"{name}={CharacterString.Quote(value)}" : null;

            case > SvcParamKeys.TlsSupportedGroups:
                return value is null ? name : $"{name}={QuoteIfNeeded(value)}";
        }

        // RFC 9460 §7: the remaining keys all need a value.
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var formatted = key switch
        {
            SvcParamKeys.Mandatory => FormatMandatory(value, mandatory),
            SvcParamKeys.Alpn => SvcValueList.Split(value) is { } ids && ids.All(IsAlpnId) ? SvcValueList.Join(ids) : null,
            SvcParamKeys.Port => ContentNumbers.TryParse(value, ContentNumbers.MaxUInt16, out var port) ? port.ToString(provider: null) : null,
            SvcParamKeys.Ipv4Hint => FormatList(value, a => IpAddressText.TryCanonicalIpv4(a, out var v4) ? v4 : null),
            _ => FormatList(value, a => IpAddressText.TryCanonicalIpv6(a, out var v6) ? v6 : null),
        };
        return formatted is null ? null : $"{name}={formatted}";
    }

    /// <summary>
    /// <c>tls-supported-groups=29,23</c> is a list of 16-bit TLS group ids; written <c>key9</c> it is their
    /// wire form, two octets each. It is stored as <c>key9="\000\029\000\023"</c>, which BIND 9.18 and
    /// PowerDNS 4.7 load although they predate the name.
    /// </summary>
    public static string? FormatTlsGroups(string? valueToken, bool generic)
    {
        byte[] octets;
        if (valueToken is null)
        {
            return null;
        }

        if (generic)
        {
            if (CharacterString.TryDecodeOctets(valueToken, out octets) is not null)
            {
                return null;
            }
        }
        else
        {
            if (CharacterString.TryDecode(valueToken, out var value) is not null || SvcValueList.Split(value) is not { } groups)
            {
                return null;
            }

            var numbers = groups.Select(g => ContentNumbers.TryParse(g, ContentNumbers.MaxUInt16, out var n) ? n : -1).ToList();
            if (numbers.Contains(-1))
            {
                return null;
            }

            octets = [.. numbers.SelectMany(n => new[] { (byte)(n >> 8), (byte)n })];
        }

        return octets.Length is 0 || octets.Length % 2 != 0
            ? null
            : $"{SvcParamKeys.Name(SvcParamKeys.TlsSupportedGroups)}={CharacterString.QuoteOctets(octets)}";
    }

    public static string Expected(int key) => key switch
    {
        SvcParamKeys.Mandatory => "expected a comma-separated list of other keys, without repeats",
        SvcParamKeys.Alpn => "expected a comma-separated list of protocol ids, such as h2,h3 (escape a comma inside an id as \\\\,)",
        SvcParamKeys.NoDefaultAlpn or SvcParamKeys.Ohttp => "it takes no value",
        SvcParamKeys.Port => "expected a port number from 0 to 65535",
        SvcParamKeys.Ipv4Hint => "expected a comma-separated list of IPv4 addresses",
        SvcParamKeys.Ech => "expected a base64 ECHConfigList",
        SvcParamKeys.Ipv6Hint => "expected a comma-separated list of IPv6 addresses",
        SvcParamKeys.DohPath => "expected a relative URI template with a dns variable, such as /dns-query{?dns} (RFC 9461)",
        _ => "expected a comma-separated list of TLS group ids from 0 to 65535, such as 29,23",
    };

    private static bool IsAlpnId(string id) =>
        id.Length <= CharacterString.MaxOctets && id.All(c => c is >= ' ' and <= '~');

    private static string? FormatMandatory(string value, List<int> mandatory)
    {
        foreach (var item in value.Split(','))
        {
            // RFC 9460 §8: mandatory may not list itself, nor any key twice.
            if (SvcParamKeys.TryParse(item, out var key, out _) is not null || key == SvcParamKeys.Mandatory || mandatory.Contains(key))
            {
                return null;
            }

            mandatory.Add(key);
        }

        return string.Join(',', mandatory.Order().Select(SvcParamKeys.Name));
    }

    private static string? FormatList(string value, Func<string, string?> canonicalItem)
    {
        var items = value.Split(',').Select(item => item.Length == 0 ? null : canonicalItem(item)).ToList();
        return items.Any(item => item is null) ? null : string.Join(',', items);
    }

    private static string QuoteIfNeeded(string value) =>
        value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\\' or ';' or '(' or ')')
            ? CharacterString.Quote(value)
            : value;
}
