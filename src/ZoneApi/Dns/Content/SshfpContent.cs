namespace ZoneApi.Dns.Content;

/// <summary>SSHFP (RFC 4255 §3.2): <c>algorithm fingerprint-type fingerprint</c>.</summary>
internal static class SshfpContent
{
    private const string Shape = "SSHFP content is 'algorithm fingerprint-type fingerprint', such as '4 2 <64 hex digits>'";

    public static RecordContentResult Parse(string content)
    {
        if (PresentationTokens.TrySplit(content, out var tokens) is { } error)
        {
            return RecordContentResult.BadContent(error);
        }

        if (tokens.Count < 3)
        {
            return RecordContentResult.BadContent(Shape);
        }

        // RFC 4255 §5 and its registries: the algorithm (1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519, 6 Ed448) and the
        // fingerprint type (1 SHA-1, 2 SHA-256) are octets whose lists grow, so any value is valid syntax.
        if (!ContentNumbers.TryParse(tokens[0], ContentNumbers.MaxUInt8, out var algorithm))
        {
            return RecordContentResult.BadContent($"invalid SSHFP algorithm: expected a number from 0 to 255, such as 4 (Ed25519). {Shape}");
        }

        if (!ContentNumbers.TryParse(tokens[1], ContentNumbers.MaxUInt8, out var type))
        {
            return RecordContentResult.BadContent($"invalid SSHFP fingerprint type: expected a number from 0 to 255, such as 2 (SHA-256). {Shape}");
        }

        if (HexData.TryNormalize(tokens.Skip(2), out var hex) is { } hexError)
        {
            return RecordContentResult.BadContent($"invalid SSHFP fingerprint: it {hexError}");
        }

        // RFC 4255 §3.1.2 and RFC 6594: SHA-1 is 20 octets, SHA-256 32; a digest of another length never matches.
        int? digestOctets = type switch { 1 => 20, 2 => 32, _ => null };
        if (digestOctets is { } expected && hex.Length != expected * 2)
        {
            return RecordContentResult.BadContent(
                $"invalid SSHFP fingerprint: type {type} needs {expected} octets ({expected * 2} hex digits), not {hex.Length / 2}");
        }

        return RecordContentResult.Plain(RecordTypes.Sshfp, $"{algorithm} {type} {hex}");
    }
}
