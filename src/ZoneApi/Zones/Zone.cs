namespace ZoneApi.Zones;

/// <summary>A hosted zone. Table zones (migrations/0002).</summary>
public sealed class Zone
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>Lower-case ASCII, no trailing dot, e.g. <c>example.com</c>.</summary>
    public required string Name { get; set; }

    public required string Type { get; set; }

    public required string Region { get; set; }

    public required string Status { get; set; }

    /// <summary>The SOA serial, YYYYMMDDnn.</summary>
    public long Serial { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
