namespace ZoneApi.Dns.Content;

/// <summary>
/// The SvcParams of HTTPS and SVCB records (RFC 9460 §2.1, §7): validated, and written in the canonical
/// form DNScale's clients compare against (CONTRACT B12): sorted by key number as the wire format
/// requires (RFC 9460 §2.2), <c>alpn</c> and hint lists unquoted unless an id needs escaping, <c>ech</c> quoted.
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
            if (SvcParamKeys.TryParse(keyText, out var key, out var generic) is { } keyError)
            {
                return keyError;
            }

            // RFC 9460 §2.1: keys must not repeat.
            if (formatted.ContainsKey(key))
            {
                return $"repeats the SvcParam {SvcParamKeys.Name(key)}";
            }

            var valueToken = equals < 0 ? null : token[(equals + 1)..];

            // Address lists have no escapes (RFC 9460 Appendix A.2): "1.2.3.4\,2.3.4.5" is one bad address, as BIND reads it.
            if (key is SvcParamKeys.Ipv4Hint or SvcParamKeys.Ipv6Hint && valueToken?.Contains('\\', StringComparison.Ordinal) == true)
            {
                return $"has a bad value for {keyText}: {SvcParamValues.Expected(key)}, without escapes";
            }

            string? text;
            if (key == SvcParamKeys.TlsSupportedGroups)
            {
                text = SvcParamValues.FormatTlsGroups(valueToken, generic);
            }
            else
            {
                string? value = null;
                if (valueToken is not null && CharacterString.TryDecode(valueToken, out value) is { } valueError)
                {
                    return $"has a bad value for {SvcParamKeys.Name(key)}: it {valueError}";
                }

                text = SvcParamValues.Format(key, value, mandatory);
            }

            if (text is null)
            {
                return $"has a bad value for {keyText}: {SvcParamValues.Expected(key)}";
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
}
