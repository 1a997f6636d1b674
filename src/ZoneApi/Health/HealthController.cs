using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZoneApi.Hosting;
using ZoneApi.Http;

namespace ZoneApi.Health;

/// <summary>GET /v1/health: no key needed, so load balancers can call it.</summary>
[ApiController]
[Route("v1/health")]
[AllowAnonymous]
[Produces("application/json")]
public sealed class HealthController(ZoneDatabase database, TimeProvider time) : ControllerBase
{
    private static readonly string Version =
        typeof(HealthController).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Reports ok when the API can reach its database, 503 when it cannot.</summary>
    /// <remarks>
    /// Needs no key and is never rate limited, so load balancers and monitors can call it. The body carries
    /// the server's time and version.
    /// </remarks>
    [HttpGet(Name = "getHealth")]
    [ProducesResponseType<SuccessEnvelope<HealthData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable)]
    public async Task<IActionResult> Get(CancellationToken ct)
    {
        // Unreachable shows up as an exception, which the exception handler answers with 503. The control pool:
        // queued writes cannot keep health from a connection, and health checks the pool that auth uses.
        await using (var command = database.ControlDataSource.CreateCommand("SELECT 1"))
        {
            await command.ExecuteScalarAsync(ct);
        }

        return Ok(Envelope.Success(new HealthData(new HealthStatus("ok", time.GetUtcNow(), Version))));
    }
}

public sealed record HealthData(HealthStatus Health);

public sealed record HealthStatus(string Status, DateTimeOffset Timestamp, string Version);
