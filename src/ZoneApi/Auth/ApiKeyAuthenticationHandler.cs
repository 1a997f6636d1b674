using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ZoneApi.Hosting;
using ZoneApi.Http;

namespace ZoneApi.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> by looking the key's SHA-256 up in api_keys, and
/// answers 401 in the envelope. The key itself is never logged. A key that worked is trusted for up to a second
/// without asking again (<see cref="ApiKeyCache"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ZoneDatabase database,
    ApiKeyCache cache,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string UnknownKey = "The API key is unknown, revoked or expired.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header[7..].Trim() is not { Length: > 0 } token)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");
        }

        // Every key is zoneapi_ plus 32 random bytes (CONTRACT A6): anything else is refused without a database round trip.
        if (!ApiKeySecret.HasKeyFormat(token))
        {
            return AuthenticateResult.Fail(UnknownKey);
        }

        var hash = ApiKeySecret.Hash(token);
        if ((cache.Find(hash) ?? await LookUpAsync(hash)) is not { } key)
        {
            return AuthenticateResult.Fail(UnknownKey);
        }

        var claims = new List<Claim>
        {
            new(ApiKeyClaims.KeyIdClaim, key.Id.ToString()),
            new(ApiKeyClaims.CustomerIdClaim, key.CustomerId.ToString()),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(ApiKeyClaims.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The key with this hash if it is neither revoked nor expired, remembered for a second (<see cref="ApiKeyCache"/>).</summary>
    private async Task<ActiveApiKey?> LookUpAsync(byte[] hash)
    {
        var readAt = time.GetTimestamp();
        // The control pool, not the main one: however many writes wait for a connection, keys are still checked.
        await using var command = database.ControlDataSource.CreateCommand("""
            SELECT id, customer_id, scopes, expires_at FROM api_keys
            WHERE key_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
            """);
        command.Parameters.AddWithValue(hash);
        command.Parameters.AddWithValue(time.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(Context.RequestAborted);
        if (!await reader.ReadAsync(Context.RequestAborted))
        {
            return null;
        }

        var key = new ActiveApiKey(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<string[]>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
        cache.Remember(hash, key, readAt);
        return key;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        var message = result.Failure?.Message is { } reason
            ? $"{reason} {AuthMessages.MissingKey}"
            : AuthMessages.MissingKey;
        await ErrorResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, Envelope.Error(ErrorCodes.Unauthorized, message));
    }
}
