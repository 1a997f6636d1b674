namespace ZoneApi.Dns.Content;

/// <summary>
/// The SvcParams of HTTPS and SVCB records (RFC 9460 §2.1, §7): validated, and written in the canonical
/// form DNScale's clients compare against (CONTRACT B12): sorted by key number as the wire format
/// requires (RFC 9460 §2.2), <c>alpn</c> and hint lists unquoted, <c>ech</c> quoted.
/// </summary>
internal static class SvcParams
{
    public static string? TryCanonicalize(IEnumerable<string> tokens, out string canonical)
    {
        canonical = "";
        var formatted = new SortedDictionary<int, string>();
        var mandatory = new List<int>();
        foreach (var token in tokens)
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var keyText = (equals < 0 ? token : token[..equals]).ToLowerInvariant();
            if (SvcParamKeys.TryParse(keyText, out var key) is { } keyError)
            {
                return keyError;
            }

            // RFC 9460 §2.1: keys must not repeat.
            if (formatted.ContainsKey(key))
            {
                return $"repeats the SvcParam {SvcParamKeys.Name(key)}";
            }

            string? value = null;
            if (equals >= 0 && CharacterString.TryDecode(token[(equals + 1)..], out value) is { } valueError)
            {
                return $"has a bad value for {SvcParamKeys.Name(key)}: it {valueError}";
            }

            if (Format(key, value, mandatory) is not { } text)
            {
                return $"has a bad value for {SvcParamKeys.Name(key)}: {Expected(key)}";
            }

            formatted[key] = text;
        }

        // RFC 9460 §7.1.1: without alpn there is nothing to use instead of the default protocol.
        if (formatted.ContainsKey(SvcParamKeys.NoDefaultAlpn) && !formatted.ContainsKey(SvcParamKeys.Alpn))
        {
            return "has no-default-alpn without alpn";
        }

        // RFC 9460 §8: every key listed as mandatory must be present.
        if (mandatory.FirstOrDefault(k => !formatted.ContainsKey(k), -1) is var missing and >= 0)
        {
            return $"lists {SvcParamKeys.Name(missing)} as mandatory but does not set it";
        }

        canonical = string.Join(' ', formatted.Values);
        return null;
    }

    private static string? Format(int key, string? value, List<int> mandatory)
    {
        var name = SvcParamKeys.Name(key);
        if (key == SvcParamKeys.NoDefaultAlpn)
        {
            return value is null ? name : null;
        }

        if (key > SvcParamKeys.Ipv6Hint)
        {
            return value is null ? name : $"{name}={QuoteIfNeeded(value)}";
        }

        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        string? formattedValue = key switch
        {
            SvcParamKeys.Mandatory => FormatMandatory(value, mandatory),
            SvcParamKeys.Alpn => FormatList(value, id => id.Length <= CharacterString.MaxOctets && id.All(c => char.IsAscii(c) && !char.IsWhiteSpace(c) && c is not ('"' or '\\')) ? id : null),
            SvcParamKeys.Port => ContentNumbers.TryParse(value, ContentNumbers.MaxUInt16, out var port) ? port.ToString(provider: null) : null,
            SvcParamKeys.Ipv4Hint => FormatList(value, a => IpAddressText.TryCanonicalIpv4(a, out var v4) ? v4 : null),
            SvcParamKeys.Ech => !value.Any(char.IsWhiteSpace) && Convert.TryFromBase64String(value, new byte[value.Length], out _) ? CharacterString.Quote(value) : null,
            SvcParamKeys.Ipv6Hint => FormatList(value, a => IpAddressText.TryCanonicalIpv6(a, out var v6) ? v6 : null),
            _ => null,
        };
        return formattedValue is null ? null : $"{name}={formattedValue}";
    }

    private static string? FormatMandatory(string value, List<int> mandatory)
    {
        foreach (var item in value.Split(','))
        {
            // RFC 9460 §8: mandatory may not list itself, nor any key twice.
            if (SvcParamKeys.TryParse(item, out var key) is not null || key == SvcParamKeys.Mandatory || mandatory.Contains(key))
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

    private static string Expected(int key) => key switch
    {
        SvcParamKeys.Mandatory => "expected a comma-separated list of other keys, without repeats",
        SvcParamKeys.Alpn => "expected a comma-separated list of protocol ids, such as h2,h3",
        SvcParamKeys.NoDefaultAlpn => "it takes no value",
        SvcParamKeys.Port => "expected a port number from 0 to 65535",
        SvcParamKeys.Ipv4Hint => "expected a comma-separated list of IPv4 addresses",
        SvcParamKeys.Ech => "expected a base64 ECHConfigList",
        _ => "expected a comma-separated list of IPv6 addresses",
    };
}
