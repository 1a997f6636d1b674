using ZoneApi.Http;

namespace ZoneApi.Zones;

public static class ZoneErrors
{
    /// <summary>The same answer whether the zone never existed or belongs to another customer (CONTRACT A2).</summary>
    public static ErrorEnvelope NotFound(Guid zoneId) =>
        Envelope.Error(ErrorCodes.ZoneNotFound, $"Zone {zoneId} not found; GET /v1/zones lists your zones.");
}
