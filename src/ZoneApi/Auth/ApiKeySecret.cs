using System.Security.Cryptography;
using System.Text;

namespace ZoneApi.Auth;

/// <summary>Making and hashing key secrets. The secret is shown once; only its hash is stored.</summary>
public static class ApiKeySecret
{
    // A recognisable prefix lets secret scanners (and people) spot a leaked key (CONTRACT A6).
    public const string Prefix = "zoneapi_";

    public const int MaxLength = 4096;

    /// <summary>32 random bytes (256 bits of entropy), base64url.</summary>
    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>What a bearer token may look like before it is even looked up.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length is > 0 and <= MaxLength && token.All(c => c is > ' ' and < '\u007f');
}
