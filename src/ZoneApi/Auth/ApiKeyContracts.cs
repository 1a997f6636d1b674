namespace ZoneApi.Auth;

/// <summary>A new key; <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(string Secret, Guid CustomerId, string Customer, string[] Scopes);

/// <summary>A key as `keys list` shows it: everything but the secret.</summary>
public sealed record ApiKeySummary(
    Guid Id, string? Prefix, string Customer, string Name, string[] Scopes, bool Bootstrap,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>What `keys revoke` did.</summary>
public abstract record RevokeKeyResult
{
    public sealed record Revoked(ApiKeySummary Key, bool AlreadyRevoked) : RevokeKeyResult;

    public sealed record NotFound : RevokeKeyResult;

    public sealed record Ambiguous : RevokeKeyResult;
}
