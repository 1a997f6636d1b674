using System.Security.Cryptography;
using System.Text;

namespace ZoneApi.Dns;

/// <summary>
/// Record ids are derived from the value they name (CONTRACT A3/B11): a new value gets a new id, so a
/// client holding a stale id can never change or delete the value that replaced it.
/// </summary>
public static class RecordId
{
    /// <summary>The length of an unpadded base64url SHA-256 (migrations/0003, records_id_check).</summary>
    public const int Length = 43;

    /// <summary>
    /// Whether <paramref name="id"/> has the shape every record id has: anything else names no record, and
    /// is answered without asking the database.
    /// </summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// The id of a zone's SOA: a zone has exactly one (RFC 1035 §5.2), and its content is the server's (the serial
    /// changes with every write), so the id is the content-derived one of no data and stays put (migrations/0014).
    /// </summary>
    public static string ForSoa(string apex) => Compute(apex, RecordTypes.Soa, "");

    /// <param name="absoluteName">Lower-case owner name with the trailing dot.</param>
    /// <param name="type">Upper-case record type.</param>
    /// <param name="canonicalData">The canonical presentation of the whole RDATA (for MX, priority and target).</param>
    public static string Compute(string absoluteName, string type, string canonicalData)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{absoluteName}\n{type}\n{canonicalData}"));
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
