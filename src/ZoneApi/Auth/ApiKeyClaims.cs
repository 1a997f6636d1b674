using System.Security.Claims;

namespace ZoneApi.Auth;

/// <summary>What an authenticated request knows about its key.</summary>
public static class ApiKeyClaims
{
    public const string CustomerIdClaim = "zoneapi:customer_id";
    public const string KeyIdClaim = "zoneapi:key_id";
    public const string ScopeClaim = "scope";

    /// <summary>The customer whose zones this request may see. Only called on [Authorize] routes.</summary>
    public static Guid CustomerId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(CustomerIdClaim) ?? throw new InvalidOperationException("The request is not authenticated."));
}
