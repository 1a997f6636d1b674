namespace ZoneApi.Http;

/// <summary>The error codes of CONTRACT A2. Clients switch on them: never rename one, only add.</summary>
public static class ErrorCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidZoneId = "INVALID_ZONE_ID";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string InsufficientScope = "INSUFFICIENT_SCOPE";
    public const string ZoneNotFound = "ZONE_NOT_FOUND";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string ZoneExists = "ZONE_EXISTS";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
}
