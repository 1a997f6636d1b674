namespace ZoneApi.Dns.Content;

/// <summary>SSHFP (RFC 4255 §3.2): <c>algorithm fingerprint-type fingerprint</c>.</summary>
internal static class SshfpContent
{
    private const string Shape = "SSHFP content is 'algorithm fingerprint-type fingerprint', such as '4 2 <64 hex digits>'";

    /// <summary>RSA 1, DSA 2 (RFC 4255), ECDSA 3 (RFC 6594), Ed25519 4 (RFC 7479), Ed448 6 (RFC 8709).</summary>
    private static readonly int[] Algorithms = [1, 2, 3, 4, 6];

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

        if (!ContentNumbers.TryParse(tokens[0], ContentNumbers.MaxUInt8, out var algorithm) || !Algorithms.Contains(algorithm))
        {
            return RecordContentResult.BadContent($"invalid SSHFP algorithm: expected 1 (RSA), 2 (DSA), 3 (ECDSA), 4 (Ed25519) or 6 (Ed448). {Shape}");
        }

        // RFC 4255 §3.1.2 and RFC 6594: type 1 is SHA-1 (20 octets), type 2 is SHA-256 (32 octets).
        if (!ContentNumbers.TryParse(tokens[1], 2, out var type) || type == 0)
        {
            return RecordContentResult.BadContent($"invalid SSHFP fingerprint type: expected 1 (SHA-1) or 2 (SHA-256). {Shape}");
        }

        if (HexData.TryNormalize(tokens.Skip(2), out var hex) is { } hexError)
        {
            return RecordContentResult.BadContent($"invalid SSHFP fingerprint: it {hexError}");
        }

        var expected = type == 1 ? 20 : 32;
        if (hex.Length != expected * 2)
        {
            return RecordContentResult.BadContent(
                $"invalid SSHFP fingerprint: type {type} needs {expected} octets ({expected * 2} hex digits), not {hex.Length / 2}");
        }

        return RecordContentResult.Plain(RecordTypes.Sshfp, $"{algorithm} {type} {hex}");
    }
}
