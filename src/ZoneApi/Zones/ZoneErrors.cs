using ZoneApi.Http;

namespace ZoneApi.Zones;

public static class ZoneErrors
{
    /// <summary>The same answer whether the zone never existed or belongs to another customer (CONTRACT A2).</summary>
    public static ErrorEnvelope NotFound(Guid zoneId) =>
        Envelope.Error(ErrorCodes.ZoneNotFound, $"Zone {zoneId} not found; GET /v1/zones lists your zones.");

    /// <summary>
    /// One text for every reason (another customer's zone at, above or below the name, or a reserved zone):
    /// any difference would tell the caller where someone else's zones are. It names no zone at all.
    /// </summary>
    public static ErrorEnvelope Unavailable() => Envelope.Error(ErrorCodes.ZoneUnavailable,
        "This zone name is not available here: it is at, inside or above a zone that this server hosts for someone else "
        + "or keeps for itself. Choose another name, or ask your DNS provider if you believe the name should be yours.");
}
