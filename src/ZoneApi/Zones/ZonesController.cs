using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZoneApi.Auth;
using ZoneApi.Http;

namespace ZoneApi.Zones;

/// <summary>Zones of the caller's customer.</summary>
[ApiController]
[Route("v1/zones")]
[Produces("application/json")]
public sealed class ZonesController(ZoneService zones) : ControllerBase
{
    public const int DefaultLimit = 10;

    /// <summary>Lists the customer's zones by name, a page at a time.</summary>
    /// <remarks>
    /// Needs the scope zones:read. Zones come ordered by name, then id; `pagination` says how many there are in all
    /// and whether another page follows (`has_more`).
    /// </remarks>
    [HttpGet(Name = "listZones")]
    [Authorize(Policy = Scopes.ZonesRead)]
    [ProducesResponseType<SuccessEnvelope<ZoneListData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError)]
    public async Task<IActionResult> List([FromQuery] PageQuery page, CancellationToken ct)
    {
        var offset = page.Offset ?? 0;
        var limit = page.EffectiveLimit(DefaultLimit);
        var (items, total) = await zones.ListAsync(User.CustomerId(), offset, limit, ct);
        var data = new ZoneListData(items.Select(ZoneDto.From).ToList(), Pagination.Of(total, offset, limit, items.Count));
        return Ok(Envelope.Success(data));
    }

    /// <summary>Creates a zone with its SOA and this server's NS records at the apex.</summary>
    /// <remarks>
    /// Needs the scope zones:write. The name is stored lower-case, without a trailing dot, Unicode as punycode. A name
    /// you already have is 409 ZONE_EXISTS; a name inside or above another account's zone, or reserved by the server, is
    /// 409 ZONE_UNAVAILABLE.
    /// </remarks>
    [HttpPost(Name = "createZone")]
    [Authorize(Policy = Scopes.ZonesWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<SuccessEnvelope<ZoneChangeData>>(StatusCodes.Status201Created)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, ErrorCodes.InvalidJson)]
    [ProducesError(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientScope, ErrorCodes.QuotaExceeded)]
    [ProducesError(StatusCodes.Status409Conflict, ErrorCodes.ZoneExists, ErrorCodes.ZoneUnavailable, ErrorCodes.OccludedRecord)]
    public async Task<IActionResult> Create(CreateZoneRequest request, CancellationToken ct) =>
        await zones.CreateAsync(User.CustomerId(), request, ct) switch
        {
            CreateZoneResult.Created(var zone) => CreatedAtAction(nameof(Get), new { zone_id = zone.Id },
                Envelope.Success(new ZoneChangeData("Zone created successfully", ZoneDto.From(zone)))),
            CreateZoneResult.AlreadyExists(var name) =>
                ErrorResult.Of(ErrorCodes.ZoneExists, $"You already have the zone '{name}'; GET /v1/zones lists your zones."),
            CreateZoneResult.Unavailable => ErrorResult.Of(ZoneErrors.Unavailable()),
            CreateZoneResult.HidesRecords(var message) => ErrorResult.Of(ErrorCodes.OccludedRecord, message),
            CreateZoneResult.QuotaExceeded(var message) => ErrorResult.Of(ErrorCodes.QuotaExceeded, message),
            _ => throw new UnreachableException(),
        };

    /// <summary>Gets one zone.</summary>
    /// <remarks>
    /// Needs the scope zones:read. Another account's zone is 404 ZONE_NOT_FOUND, exactly like a zone that does not exist.
    /// </remarks>
    [HttpGet("{zone_id}", Name = "getZone")]
    [Authorize(Policy = Scopes.ZonesRead)]
    [ProducesResponseType<SuccessEnvelope<ZoneData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidZoneId)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound)]
    public async Task<IActionResult> Get([ZoneIdFromRoute] Guid zoneId, CancellationToken ct) =>
        await zones.GetAsync(User.CustomerId(), zoneId, ct) is { } zone ? Ok(Envelope.Success(new ZoneData(ZoneDto.From(zone)))) : ZoneNotFound(zoneId);

    /// <summary>Updates a zone's type, region or status; the name must stay the same.</summary>
    /// <remarks>
    /// Needs the scope zones:write. Send the zone's current name; fields left out keep their values. A different
    /// name is 400 VALIDATION_ERROR: to move a zone, create one under the new name.
    /// </remarks>
    [HttpPut("{zone_id}", Name = "updateZone")]
    [Authorize(Policy = Scopes.ZonesWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<SuccessEnvelope<ZoneChangeData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidZoneId, ErrorCodes.ValidationError, ErrorCodes.InvalidJson)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound)]
    public async Task<IActionResult> Update([ZoneIdFromRoute] Guid zoneId, UpdateZoneRequest request, CancellationToken ct) =>
        await zones.UpdateAsync(User.CustomerId(), zoneId, request, ct) switch
        {
            UpdateZoneResult.Updated(var zone) => Ok(Envelope.Success(new ZoneChangeData("Zone updated successfully", ZoneDto.From(zone)))),
            UpdateZoneResult.NotFound => ZoneNotFound(zoneId),
            UpdateZoneResult.RenameRefused(var current) => ErrorResult.Of(ErrorCodes.ValidationError,
                $"Zones cannot be renamed: send name '{current}'. To move to another name, create a new zone.",
                [new ErrorDetail("name", $"must be '{current}', the name of this zone")]),
            _ => throw new UnreachableException(),
        };

    /// <summary>Deletes a zone and all its records.</summary>
    /// <remarks>
    /// Needs the scope zones:write. Answers 204 with no body.
    /// </remarks>
    [HttpDelete("{zone_id}", Name = "deleteZone")]
    [Authorize(Policy = Scopes.ZonesWrite)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidZoneId)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound)]
    public async Task<IActionResult> Delete([ZoneIdFromRoute] Guid zoneId, CancellationToken ct) =>
        await zones.DeleteAsync(User.CustomerId(), zoneId, ct) ? NoContent() : ZoneNotFound(zoneId);

    private static ObjectResult ZoneNotFound(Guid id) => ErrorResult.Of(ZoneErrors.NotFound(id));
}
