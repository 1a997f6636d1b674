namespace ZoneApi.Http;

/// <summary>The error codes of CONTRACT A2. Clients switch on them: never rename one, only add.</summary>
public static class ErrorCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidZoneId = "INVALID_ZONE_ID";
    public const string CnameAtApex = "CNAME_AT_APEX";
    public const string NameOutsideZone = "NAME_OUTSIDE_ZONE";
    public const string WildcardNs = "WILDCARD_NS";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string InsufficientScope = "INSUFFICIENT_SCOPE";
    public const string QuotaExceeded = "QUOTA_EXCEEDED";
    public const string ZoneNotFound = "ZONE_NOT_FOUND";
    public const string RecordNotFound = "RECORD_NOT_FOUND";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string ZoneExists = "ZONE_EXISTS";
    public const string ZoneUnavailable = "ZONE_UNAVAILABLE";
    public const string CnameConflict = "CNAME_CONFLICT";
    public const string AliasConflict = "ALIAS_CONFLICT";
    public const string TargetIsCname = "TARGET_IS_CNAME";
    public const string CnameLoop = "CNAME_LOOP";
    public const string CnameChainTooLong = "CNAME_CHAIN_TOO_LONG";
    public const string ProtectedRecord = "PROTECTED_RECORD";
    public const string RecordConflict = "RECORD_CONFLICT";
    public const string NsTargetNeedsAddress = "NS_TARGET_NEEDS_ADDRESS";
    public const string NullMxConflict = "NULL_MX_CONFLICT";
    public const string SvcbAliasModeConflict = "SVCB_ALIAS_MODE_CONFLICT";
    public const string OccludedRecord = "OCCLUDED_RECORD";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>The HTTP status each code is sent with (CONTRACT A2).</summary>
    public static int StatusOf(string code) => code switch
    {
        ValidationError or InvalidJson or InvalidZoneId or CnameAtApex or NameOutsideZone or WildcardNs => StatusCodes.Status400BadRequest,
        Unauthorized => StatusCodes.Status401Unauthorized,
        InsufficientScope or QuotaExceeded => StatusCodes.Status403Forbidden,
        ZoneNotFound or RecordNotFound or NotFound => StatusCodes.Status404NotFound,
        MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ZoneExists or ZoneUnavailable or CnameConflict or AliasConflict or TargetIsCname or CnameLoop or CnameChainTooLong
            or ProtectedRecord or RecordConflict or NsTargetNeedsAddress or NullMxConflict or SvcbAliasModeConflict
            or OccludedRecord => StatusCodes.Status409Conflict,
        PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        RateLimited => StatusCodes.Status429TooManyRequests,
        ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
