namespace ZoneApi.Limits;

/// <summary>
/// How much database time and how many connections one request and one customer may take (CONTRACT A7).
/// Bound from the ZoneApi section: ZoneApi:DatabaseTimeoutSeconds and friends.
/// </summary>
public sealed class DatabaseLimits
{
    public const string Section = "ZoneApi";

    /// <summary>
    /// The longest a request may wait for the database, all of its work together: lock waits, statements,
    /// waiting for a pooled connection, connecting. Past it the request is 503 SERVICE_UNAVAILABLE.
    /// </summary>
    public int DatabaseTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// The same bound for the routes that work on a whole zone at once (import, batch; <see cref="WholeZoneOperationAttribute"/>):
    /// a 100,000-record import takes seconds. Lock waits keep half of DatabaseTimeoutSeconds.
    /// </summary>
    public int WholeZoneTimeoutSeconds { get; set; } = 60;

    /// <summary>Requests of one customer that may run at once; more wait in that customer's queue.</summary>
    public int ConcurrentRequestsPerCustomer { get; set; } = 16;

    /// <summary>Requests of one customer that may wait for a slot; more are refused at once with 429.</summary>
    public int QueuedRequestsPerCustomer { get; set; } = 256;

    /// <summary>Connections reserved for API-key lookups and health checks, which queued writes never take.</summary>
    public int ControlPoolSize { get; set; } = 8;

    public TimeSpan DatabaseTimeout => TimeSpan.FromSeconds(DatabaseTimeoutSeconds);

    /// <summary>What is wrong with the settings, for ValidateOnStart; null when nothing is.</summary>
    public string? Problem() =>
        DatabaseTimeoutSeconds is < 1 or > 300 ? "ZoneApi:DatabaseTimeoutSeconds must be between 1 and 300"
        : WholeZoneTimeoutSeconds is < 1 or > 3600 ? "ZoneApi:WholeZoneTimeoutSeconds must be between 1 and 3600"
        : ConcurrentRequestsPerCustomer is < 1 or > 1000 ? "ZoneApi:ConcurrentRequestsPerCustomer must be between 1 and 1000"
        : QueuedRequestsPerCustomer is < 0 or > 100_000 ? "ZoneApi:QueuedRequestsPerCustomer must be between 0 and 100000"
        : ControlPoolSize is < 1 or > 100 ? "ZoneApi:ControlPoolSize must be between 1 and 100"
        : null;
}
