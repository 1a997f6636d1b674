namespace ZoneApi.Http;

/// <summary>The {zone_id} route segment: a UUID in its usual 8-4-4-4-12 form, or 400 INVALID_ZONE_ID.</summary>
public static class ZoneIdRoute
{
    public const string Name = "zone_id";

    public static bool TryParse(string value, out Guid id) => Guid.TryParseExact(value, "D", out id);

    public static ErrorEnvelope Invalid(string value) => Envelope.Error(ErrorCodes.InvalidZoneId,
        $"'{Truncate(value)}' is not a zone id; zone ids are UUIDs such as 0193f0c4-6e1b-7d2a-9c1e-3f4a5b6c7d8e (see GET /v1/zones).");

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
