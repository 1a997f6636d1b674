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

    /// <summary>Registered from ZoneApi:BootstrapKey; a newer bootstrap key revokes it.</summary>
    public bool Bootstrap { get; set; }

    /// <summary>The secret's first characters (<see cref="ApiKeySecret.DisplayPrefix"/>), null for keys made before they were kept.</summary>
    public string? Prefix { get; set; }
}
