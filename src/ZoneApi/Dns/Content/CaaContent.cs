namespace ZoneApi.Dns.Content;

/// <summary>CAA (RFC 8659 §4.1): <c>flags tag "value"</c>, such as <c>0 issue "letsencrypt.org"</c>.</summary>
internal static class CaaContent
{
    private const string Shape = "CAA content is 'flags tag \"value\"', such as '0 issue \"letsencrypt.org\"'";

    /// <summary>RFC 8659 §4.1: the tag is 1-15 letters and digits.</summary>
    private const int MaxTagLength = 15;

    public static RecordContentResult Parse(string content)
    {
        if (PresentationTokens.TrySplit(content, out var tokens) is { } error)
        {
            return RecordContentResult.BadContent(error);
        }

        if (tokens.Count != 3)
        {
            return RecordContentResult.BadContent(tokens.Count > 3 ? $"{Shape}; quote a value that contains spaces" : Shape);
        }

        if (!ContentNumbers.TryParse(tokens[0], ContentNumbers.MaxUInt8, out var flags))
        {
            return RecordContentResult.BadContent($"invalid CAA flags: expected a number from 0 to 255 (0, or 128 for critical). {Shape}");
        }

        // Tags match case-insensitively (RFC 8659 §4.1), so one spelling is stored.
        var tag = tokens[1].ToLowerInvariant();
        if (tag.Length is 0 or > MaxTagLength || !tag.All(char.IsAsciiLetterOrDigit))
        {
            return RecordContentResult.BadContent($"invalid CAA tag '{tokens[1]}': expected 1-15 ASCII letters or digits, such as issue, issuewild or iodef");
        }

        if (CharacterString.TryDecode(tokens[2], out var value) is { } valueError)
        {
            return RecordContentResult.BadContent($"invalid CAA value: it {valueError}");
        }

        if (CheckValue(tag, value) is { } semanticError)
        {
            return RecordContentResult.BadContent(semanticError);
        }

        return RecordContentResult.Plain(RecordTypes.Caa, $"{flags} {tag} {CharacterString.Quote(value)}");
    }

    private static string? CheckValue(string tag, string value)
    {
        switch (tag)
        {
            case "issue" or "issuewild":
                // RFC 8659 §4.2: an optional issuer domain name, then ';'-separated parameters.
                // An empty domain (";") forbids every CA, which is a legitimate thing to say.
                var domain = value.Split(';')[0].Trim();
                return domain.Length == 0 || (!domain.EndsWith('.') && TargetName.Normalize(domain).IsValid)
                    ? null
                    : $"invalid CAA {tag} value: '{domain}' is not an issuer domain name such as letsencrypt.org";
            case "iodef":
                // RFC 8659 §4.4: where CAs report violations, a mailto: or http(s): URL.
                return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "mailto" or "http" or "https"
                    ? null
                    : "invalid CAA iodef value: expected a mailto:, http: or https: URL";
            default:
                return null;
        }
    }
}
