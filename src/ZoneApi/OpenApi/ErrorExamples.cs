using System.Text.Json.Nodes;
using ZoneApi.Http;

namespace ZoneApi.OpenApi;

/// <summary>
/// One realistic error body per code, shown under the status that code is sent with, so a reader sees
/// what a client receives (and which code to switch on) without sending the request.
/// </summary>
internal static class ErrorExamples
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        [ErrorCodes.ValidationError] = "The request has invalid fields.",
        [ErrorCodes.InvalidJson] = "The body is not valid JSON: expected ',' or '}' after a property value (line 1).",
        [ErrorCodes.InvalidZoneId] = "'abc' is not a zone id; zone ids are UUIDs such as 0193f0c4-6e1b-7d2a-9c1e-3f4a5b6c7d8e (see GET /v1/zones).",
        [ErrorCodes.WildcardNs] = "name cannot hold NS records: it is a wildcard, and a delegation cannot be synthesized from one (RFC 4592 §4.2); name each delegated zone instead.",
        [ErrorCodes.CnameAtApex] = "A CNAME cannot be at the zone apex, which always holds SOA and NS records; use an ALIAS record instead.",
        [ErrorCodes.NameOutsideZone] = "'www.example.org.' is not inside the zone 'example.com'.",
        [ErrorCodes.Unauthorized] = "Send a valid API key: 'Authorization: Bearer <key>'.",
        [ErrorCodes.InsufficientScope] = "This key lacks the scope 'records:write' that this route needs.",
        [ErrorCodes.QuotaExceeded] = "Your account has reached its limit of 1000 zones.",
        [ErrorCodes.ZoneNotFound] = "No zone with id 0193f0c4-6e1b-7d2a-9c1e-3f4a5b6c7d8e; GET /v1/zones lists your zones.",
        [ErrorCodes.RecordNotFound] = "No record with that id in this zone; GET the zone's records to find it.",
        [ErrorCodes.NotFound] = "No route GET /v1/zone; see /swagger for the routes.",
        [ErrorCodes.MethodNotAllowed] = "PATCH is not allowed here; allowed: GET, PUT, DELETE.",
        [ErrorCodes.ZoneExists] = "You already have the zone 'example.com'; GET /v1/zones lists your zones.",
        [ErrorCodes.ZoneUnavailable] = "The zone 'example.com' is not available.",
        [ErrorCodes.CnameConflict] = "'www.example.com.' already has A records; a CNAME must be the only record at its name.",
        [ErrorCodes.AliasConflict] = "'example.com.' already has A records; an ALIAS cannot share its name with A, AAAA or CNAME records.",
        [ErrorCodes.TargetIsCname] = "The MX target 'mail.example.com.' is a CNAME; MX, NS and SRV must point at a name with addresses (RFC 2181 §10.3).",
        [ErrorCodes.CnameLoop] = "This CNAME would make a loop: a.example.com. -> b.example.com. -> a.example.com.",
        [ErrorCodes.CnameChainTooLong] = "This CNAME would make a chain of more than 8 aliases.",
        [ErrorCodes.ProtectedRecord] = "The SOA record and this server's NS records at the apex are managed by the server.",
        [ErrorCodes.RecordConflict] = "The record 'www.example.com.' A 192.0.2.2 already exists.",
        [ErrorCodes.NsTargetNeedsAddress] =
            "ns1.example.com. lies inside this zone, so resolvers can reach that nameserver only through an A or AAAA record at ns1.example.com.; add the address first, then the NS record.",
        [ErrorCodes.NullMxConflict] = "example.com. has a null MX ('0 .'), which says the name accepts no mail and must be the only MX record there (RFC 7505 §3).",
        [ErrorCodes.SvcbAliasModeConflict] =
            "example.com. already has the HTTPS records '1 . alpn=h2', and an HTTPS record with priority 0 (AliasMode) must be the only HTTPS record at its name (RFC 9460 §2.4.2).",
        [ErrorCodes.OccludedRecord] =
            "The A record at www.dev.example.com. would never be served: dev.example.com. is delegated by its NS records, so every name at or below it belongs to the child zone.",
        [ErrorCodes.PayloadTooLarge] = "The body is over the limit of 1048576 bytes.",
        [ErrorCodes.UnsupportedMediaType] = "Send the body as application/json.",
        [ErrorCodes.RateLimited] = "Too many requests for this key; retry after the seconds in Retry-After.",
        [ErrorCodes.InternalError] = "Something went wrong on our side; quote request id 0HN8S3BE2VQ4K:00000001 when reporting it.",
        [ErrorCodes.ServiceUnavailable] = "The database is unavailable; retry after the seconds in Retry-After.",
    };

    /// <summary>The error envelope for <paramref name="code"/>, with a <c>details</c> entry where the code comes with one.</summary>
    public static JsonObject For(string code)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = Messages.GetValueOrDefault(code, code) };
        if (code == ErrorCodes.ValidationError)
        {
            error["details"] = new JsonArray(new JsonObject { ["field"] = "content", ["reason"] = "'192.0.2.300' is not an IPv4 address" });
        }

        return new JsonObject { ["status"] = "error", ["error"] = error };
    }
}
