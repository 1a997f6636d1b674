namespace ZoneApi.Auth;

/// <summary>A bearer key of one customer. Only the SHA-256 of the secret is kept (CONTRACT A6).</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public required string Name { get; set; }

    public required byte[] KeyHash { get; set; }

    public required string[] Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
