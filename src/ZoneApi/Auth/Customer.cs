namespace ZoneApi.Auth;

/// <summary>An account: owns zones and API keys. Table customers (migrations/0001).</summary>
public sealed class Customer
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
