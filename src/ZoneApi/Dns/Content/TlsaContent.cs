namespace ZoneApi.Dns.Content;

/// <summary>TLSA (RFC 6698 §2.2): <c>usage selector matching-type data</c>.</summary>
internal static class TlsaContent
{
    private const string Shape = "TLSA content is 'usage selector matching-type hex-data', such as '3 1 1 <64 hex digits>'";

    public static RecordContentResult Parse(string content)
    {
        if (PresentationTokens.TrySplit(content, out var tokens) is { } error)
        {
            return RecordContentResult.BadContent(error);
        }

        if (tokens.Count < 4)
        {
            return RecordContentResult.BadContent(Shape);
        }

        // RFC 6698 §2.1.1-§2.1.3 and RFC 7218: usages 0-3 (PKIX-TA, PKIX-EE, DANE-TA, DANE-EE),
        // selectors 0-1 (whole certificate, public key), matching types 0-2 (exact, SHA-256, SHA-512).
        if (!ContentNumbers.TryParse(tokens[0], 3, out var usage))
        {
            return RecordContentResult.BadContent($"invalid TLSA certificate usage: expected 0-3. {Shape}");
        }

        if (!ContentNumbers.TryParse(tokens[1], 1, out var selector))
        {
            return RecordContentResult.BadContent($"invalid TLSA selector: expected 0 or 1. {Shape}");
        }

        if (!ContentNumbers.TryParse(tokens[2], 2, out var matching))
        {
            return RecordContentResult.BadContent($"invalid TLSA matching type: expected 0, 1 or 2. {Shape}");
        }

        if (HexData.TryNormalize(tokens.Skip(3), out var hex) is { } hexError)
        {
            return RecordContentResult.BadContent($"invalid TLSA data: it {hexError}");
        }

        // A digest of the wrong length can never match, so it is a typo, not a choice.
        int? digestOctets = matching switch { 1 => 32, 2 => 64, _ => null };
        if (digestOctets is { } expected && hex.Length != expected * 2)
        {
            return RecordContentResult.BadContent(
                $"invalid TLSA data: matching type {matching} needs a {(matching == 1 ? "SHA-256" : "SHA-512")} digest of {expected} octets ({expected * 2} hex digits), not {hex.Length / 2}");
        }

        return RecordContentResult.Plain(RecordTypes.Tlsa, $"{usage} {selector} {matching} {hex}");
    }
}
