using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ZoneApi.Auth;

/// <summary>Making, checking and hashing key secrets. The secret is shown once; only its hash is stored.</summary>
public static class ApiKeySecret
{
    // A recognisable prefix lets secret scanners (and people) spot a leaked key (CONTRACT A6).
    public const string Prefix = "zoneapi_";

    public const int MaxLength = 4096;

    /// <summary>32 random bytes (CONTRACT A6) are 43 base64url characters without padding.</summary>
    public const int MinRandomCharacters = 43;

    /// <summary>How much of a secret <c>keys list</c> shows: the prefix and 4 random characters, 24 of its 256 bits.</summary>
    public const int DisplayPrefixLength = 12;

    // A 43-character random base64url string has about 32 distinct characters; fewer than 16 happens by chance
    // far less often than once in 2^100 draws, but every time someone types "zoneapi_aaaa…" or repeats a word.
    private const int MinDistinctCharacters = 16;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>32 random bytes (256 bits of entropy), base64url.</summary>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether a bearer token can be a key at all; anything else is refused without a database lookup.</summary>
    public static bool HasKeyFormat(string token) =>
        token.Length >= Prefix.Length + MinRandomCharacters && token.Length <= MaxLength
        && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlAlphabet) is false;

    /// <summary>Why a secret an operator chose (ZoneApi:BootstrapKey) is not good enough, or null when it is.</summary>
    public static string? Weakness(string secret)
    {
        if (!HasKeyFormat(secret))
        {
            return $"must be '{Prefix}' followed by at least {MinRandomCharacters} base64url characters (32 random bytes), "
                + $"e.g. {Prefix}$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')";
        }

        return secret[Prefix.Length..].Distinct().Count() < MinDistinctCharacters
            ? "does not look random (too few different characters); generate one with "
              + $"{Prefix}$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')"
            : null;
    }

    /// <summary>The part of a secret that may be shown again: enough to tell keys apart, useless to an attacker.</summary>
    public static string DisplayPrefix(string secret) => secret[..DisplayPrefixLength];

}
