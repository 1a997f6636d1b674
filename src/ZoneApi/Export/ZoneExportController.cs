using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using ZoneApi.Auth;
using ZoneApi.Http;
using ZoneApi.Zones;

namespace ZoneApi.Export;

/// <summary>A whole zone as a master file (CONTRACT A8).</summary>
[ApiController]
[Route("v1/zones/{zone_id}/export")]
[Produces("application/json")]
[Tags("Zones")]
public sealed class ZoneExportController(ZoneExporter exporter) : ControllerBase
{
    /// <summary>The media type of DNS master files (RFC 4027).</summary>
    public const string MediaType = "text/dns";

    /// <summary>
    /// How much of a file is buffered in memory: a 100,000-record zone is about 3 MB, which a temporary file (the
    /// default past 32 KB) would write to disk and read back on every export.
    /// </summary>
    private const int MemoryBuffer = 8 * 1024 * 1024;

    /// <summary>Exports the zone as an RFC 1035 master file.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:read. The answer is `text/dns`: `$ORIGIN`, `$TTL`, the SOA first, then
    /// every enabled record in the order of the record list, one per line as `owner TTL IN TYPE data`, owners relative to
    /// the origin (`@` for the apex). TXT values are split into quoted strings of at most 255 octets; characters outside
    /// printable ASCII are written as `\DDD` escapes. ALIAS has no DNS type and is written as a comment line,
    /// `; ALIAS &lt;name&gt; &lt;ttl&gt; &lt;target&gt;`. Disabled records are left out. BIND's `named-checkzone` loads the file as it is.
    /// </remarks>
    /// <param name="zoneId">The zone's id.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    [HttpGet(Name = "exportZone")]
    [Authorize(Policy = Scopes.RecordsRead)]
    [ProducesZoneFile(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidZoneId)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound)]
    public async Task<IActionResult> Export([FromRoute(Name = ZoneIdRoute.Name)] string zoneId, CancellationToken ct)
    {
        if (!ZoneIdRoute.TryParse(zoneId, out var id))
        {
            return BadRequest(ZoneIdRoute.Invalid(zoneId));
        }

        // The file is buffered (in pooled memory, past MemoryBuffer in a temporary file) before the first byte is sent: a
        // database failure or the request deadline halfway through a large zone still answers with the error envelope,
        // never with a 200 that ends early and looks like a smaller zone.
        await using var file = new FileBufferingWriteStream(MemoryBuffer);
        if (!await exporter.WriteAsync(User.CustomerId(), id, file, ct))
        {
            return NotFound(ZoneErrors.NotFound(id));
        }

        Response.StatusCode = StatusCodes.Status200OK;
        Response.ContentType = MediaType + "; charset=utf-8";
        Response.ContentLength = file.Length;
        // Past the database work: a slow reader is Kestrel's to police (MinResponseDataRate), not the database deadline's.
        await file.DrainBufferAsync(Response.Body, CancellationToken.None);
        return new EmptyResult();
    }
}
