namespace ZoneApi.Dns.Content;

/// <summary>NAPTR (RFC 3403 §4.1): <c>order preference "flags" "service" "regexp" replacement</c>.</summary>
internal static class NaptrContent
{
    private const string Shape = "NAPTR content is 'order preference \"flags\" \"service\" \"regexp\" replacement', such as '100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .'";

    public static RecordContentResult Parse(string content)
    {
        if (PresentationTokens.TrySplit(content, out var tokens) is { } error)
        {
            return RecordContentResult.BadContent(error);
        }

        if (tokens.Count != 6)
        {
            return RecordContentResult.BadContent(Shape);
        }

        if (!ContentNumbers.TryParse(tokens[0], ContentNumbers.MaxUInt16, out var order)
            || !ContentNumbers.TryParse(tokens[1], ContentNumbers.MaxUInt16, out var preference))
        {
            return RecordContentResult.BadContent($"invalid NAPTR order or preference: expected numbers from 0 to 65535. {Shape}");
        }

        var strings = new string[3];
        string[] names = ["flags", "service", "regexp"];
        for (var i = 0; i < 3; i++)
        {
            if (CharacterString.TryDecode(tokens[i + 2], out strings[i]) is { } stringError)
            {
                return RecordContentResult.BadContent($"invalid NAPTR {names[i]}: it {stringError}");
            }

            if (CharacterString.OctetCount(strings[i]) > CharacterString.MaxOctets)
            {
                return RecordContentResult.BadContent($"invalid NAPTR {names[i]}: longer than {CharacterString.MaxOctets} octets");
            }
        }

        // RFC 3403 §4.1: flags are single characters A-Z and 0-9, and their case is not significant.
        var flags = strings[0].ToUpperInvariant();
        if (!flags.All(char.IsAsciiLetterOrDigit))
        {
            return RecordContentResult.BadContent("invalid NAPTR flags: expected letters and digits only, such as \"U\" or \"S\"");
        }

        if (NaptrRegexp.Check(strings[2]) is { } regexpError)
        {
            return RecordContentResult.BadContent($"invalid NAPTR regexp: it {regexpError}");
        }

        var replacement = TargetName.Normalize(tokens[5], allowRoot: true, allowWildcard: true);
        if (replacement.Name is not { } name)
        {
            return RecordContentResult.BadContent($"invalid NAPTR replacement: the host name {replacement.Error}");
        }

        // RFC 3403 §4.1: regexp and replacement are mutually exclusive; the unused one is "" or '.'.
        if (strings[2].Length > 0 && !TargetName.IsRoot(name))
        {
            return RecordContentResult.BadContent("invalid NAPTR record: a regexp and a replacement are mutually exclusive, so the replacement must be '.'");
        }

        var canonical = $"{order} {preference} {CharacterString.Quote(flags)} {CharacterString.Quote(strings[1])} {CharacterString.Quote(strings[2])} {name}";
        return RecordContentResult.Plain(RecordTypes.Naptr, canonical);
    }
}
