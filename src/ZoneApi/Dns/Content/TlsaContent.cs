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

        // RFC 6698 §7.2-§7.4: each field is an octet whose registry (RFC 7218 names 0-3, 0-1 and 0-2) grows, with
        // 255 for private use, so every value is valid syntax; a server cannot know which ones a client supports.
        if (!ContentNumbers.TryParse(tokens[0], ContentNumbers.MaxUInt8, out var usage))
        {
            return RecordContentResult.BadContent($"invalid TLSA certificate usage: expected a number from 0 to 255 (0-3 are PKIX-TA, PKIX-EE, DANE-TA, DANE-EE). {Shape}");
        }

        if (!ContentNumbers.TryParse(tokens[1], ContentNumbers.MaxUInt8, out var selector))
        {
            return RecordContentResult.BadContent($"invalid TLSA selector: expected a number from 0 to 255 (0 whole certificate, 1 public key). {Shape}");
        }

        if (!ContentNumbers.TryParse(tokens[2], ContentNumbers.MaxUInt8, out var matching))
        {
            return RecordContentResult.BadContent($"invalid TLSA matching type: expected a number from 0 to 255 (0 exact, 1 SHA-256, 2 SHA-512). {Shape}");
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
