using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZoneApi.Auth;
using ZoneApi.Http;

namespace ZoneApi.Records;

/// <summary>
/// Records of one zone. Every route needs zones:read plus records:read or records:write.
/// Route values arrive percent-decoded once by routing, all but %2F, which no record id or owner name
/// contains; they are not decoded again, or "%2500" would become a NUL.
/// </summary>
[ApiController]
[Route("v1/zones/{zone_id}/records")]
[Produces("application/json")]
public sealed class RecordsController(RecordReader reader, RecordService records) : ControllerBase
{
    public const int DefaultLimit = 50;
    private const string CreatedMessage = "Record created successfully";
    private const string UpdatedMessage = "Record updated successfully";

    /// <summary>Lists the zone's records by name, type and content, a page at a time; SOA and the server's NS records included.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:read. Names come back absolute, with the trailing dot.
    /// </remarks>
    /// <param name="zoneId">The zone's id.</param>
    /// <param name="page">Paging.</param>
    /// <param name="name">Only records with this owner name (@, www, www.example.com or www.example.com.).</param>
    /// <param name="type">Only records of this type.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    [HttpGet(Name = "listRecords")]
    [Authorize(Policy = Scopes.RecordsRead)]
    [ProducesResponseType<SuccessEnvelope<RecordListData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidZoneId, ErrorCodes.ValidationError)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound)]
    public async Task<IActionResult> List(
        [ZoneIdFromRoute] Guid zoneId, [FromQuery] PageQuery page,
        [FromQuery(Name = "name")] string? name, [FromQuery(Name = "type")] string? type, CancellationToken ct)
    {
        var offset = page.Offset ?? 0;
        var limit = page.EffectiveLimit(DefaultLimit);
        return await reader.ListAsync(User.CustomerId(), zoneId, name, type, offset, limit, ct) switch
        {
            RecordRead.Page(var items, var total) => Ok(Envelope.Success(new RecordListData(
                items, Pagination.Of(total, offset, limit, items.Count)))),
            RecordRead.Refused(var error) => error.ToResult(),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>Creates a record; an existing identical value is updated in place, and a CNAME or ALIAS replaces the one at its name.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:write. The content is checked and canonicalised for its type; the
    /// TTL and comment apply to every value of the name and type. Rules that depend on the zone's other records (CNAME
    /// exclusivity, targets that are aliases, loops, chain length) answer 409 with a code naming the rule; a legal but
    /// risky write succeeds with `warnings`.
    /// </remarks>
    [HttpPost(Name = "createRecord")]
    [Authorize(Policy = Scopes.RecordsWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<SuccessEnvelope<RecordChangeData>>(StatusCodes.Status201Created)]
    [ProducesError(StatusCodes.Status400BadRequest,
        ErrorCodes.InvalidZoneId, ErrorCodes.ValidationError, ErrorCodes.InvalidJson, ErrorCodes.CnameAtApex, ErrorCodes.NameOutsideZone,
        ErrorCodes.WildcardNs)]
    [ProducesError(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientScope, ErrorCodes.QuotaExceeded)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound)]
    [ProducesRuleConflicts]
    public async Task<IActionResult> Create([ZoneIdFromRoute] Guid zoneId, CreateRecordRequest request, CancellationToken ct) =>
        Answer(await records.CreateAsync(User.CustomerId(), zoneId, request, ct), StatusCodes.Status201Created, CreatedMessage);

    /// <summary>Gets one record by id.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:read. Record ids come from the record's name, type and content.
    /// </remarks>
    [HttpGet("{record_id}", Name = "getRecord")]
    [Authorize(Policy = Scopes.RecordsRead)]
    [ProducesResponseType<SuccessEnvelope<RecordData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidZoneId)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound, ErrorCodes.RecordNotFound)]
    public async Task<IActionResult> Get(
        [ZoneIdFromRoute] Guid zoneId, [FromRoute(Name = "record_id")] string recordId, CancellationToken ct) =>
        await reader.GetAsync(User.CustomerId(), zoneId, recordId, ct) switch
        {
            RecordRead.Found(var record) => Ok(Envelope.Success(new RecordData(RecordDto.From(record)))),
            RecordRead.Refused(var error) => error.ToResult(),
            _ => throw new UnreachableException(),
        };

    /// <summary>Replaces one value. Name and type must stay; a new content gives the record a new id.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:write. Turning the value into one that already exists at the name
    /// and type is 409 RECORD_CONFLICT. The SOA and this server's apex NS records cannot be changed (409 PROTECTED_RECORD).
    /// </remarks>
    [HttpPut("{record_id}", Name = "updateRecord")]
    [Authorize(Policy = Scopes.RecordsWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<SuccessEnvelope<RecordChangeData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest,
        ErrorCodes.InvalidZoneId, ErrorCodes.ValidationError, ErrorCodes.InvalidJson, ErrorCodes.CnameAtApex, ErrorCodes.NameOutsideZone,
        ErrorCodes.WildcardNs)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound, ErrorCodes.RecordNotFound)]
    [ProducesRuleConflicts(ErrorCodes.RecordConflict)]
    public async Task<IActionResult> Update(
        [ZoneIdFromRoute] Guid zoneId, [FromRoute(Name = "record_id")] string recordId,
        CreateRecordRequest request, CancellationToken ct) =>
        Answer(await records.UpdateAsync(User.CustomerId(), zoneId, recordId, request, ct), StatusCodes.Status200OK, UpdatedMessage);

    /// <summary>Deletes one record by id.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:write. Answers 204 with no body; the SOA and this server's apex NS
    /// records cannot be deleted (409 PROTECTED_RECORD).
    /// </remarks>
    [HttpDelete("{record_id}", Name = "deleteRecord")]
    [Authorize(Policy = Scopes.RecordsWrite)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidZoneId)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound, ErrorCodes.RecordNotFound)]
    [ProducesError(StatusCodes.Status409Conflict,
        ErrorCodes.ProtectedRecord, ErrorCodes.NsTargetNeedsAddress, ErrorCodes.OccludedRecord, ErrorCodes.TargetIsCname,
        ErrorCodes.CnameLoop, ErrorCodes.CnameChainTooLong)]
    public async Task<IActionResult> Delete(
        [ZoneIdFromRoute] Guid zoneId, [FromRoute(Name = "record_id")] string recordId, CancellationToken ct) =>
        Answer(await records.DeleteAsync(User.CustomerId(), zoneId, recordId, ct));

    /// <summary>Replaces the value of a record found by name and type; ?content= picks one value of several.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:write. When the name and type hold several values and `content` is
    /// not given, the answer is 400 VALIDATION_ERROR naming `content`, not a guess at which one to replace.
    /// </remarks>
    /// <param name="zoneId">The zone's id.</param>
    /// <param name="recordName">@, relative or absolute (with or without the dot).</param>
    /// <param name="recordType">The record type.</param>
    /// <param name="content">The current value to replace; required when the name and type have several values.</param>
    /// <param name="request">The new value.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    [HttpPut("by-name/{record_name}/{record_type}", Name = "updateRecordByName")]
    [Authorize(Policy = Scopes.RecordsWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<SuccessEnvelope<RecordChangeData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest,
        ErrorCodes.InvalidZoneId, ErrorCodes.ValidationError, ErrorCodes.InvalidJson, ErrorCodes.NameOutsideZone)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound, ErrorCodes.RecordNotFound)]
    [ProducesRuleConflicts(ErrorCodes.RecordConflict)]
    public async Task<IActionResult> UpdateByName(
        [ZoneIdFromRoute] Guid zoneId, [FromRoute(Name = "record_name")] string recordName,
        [FromRoute(Name = "record_type")] string recordType, [FromQuery(Name = "content")] string? content,
        UpdateRecordByNameRequest request, CancellationToken ct) =>
        Answer(await records.UpdateByNameAsync(User.CustomerId(), zoneId, recordName, recordType, QueryContent(content), request, ct),
            StatusCodes.Status200OK, UpdatedMessage);

    /// <summary>Deletes every value of a name and type, or only the one ?content= names.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:write. Answers 204 with no body.
    /// </remarks>
    /// <param name="zoneId">The zone's id.</param>
    /// <param name="recordName">@, relative or absolute (with or without the dot).</param>
    /// <param name="recordType">The record type.</param>
    /// <param name="content">The one value to delete; without it, every value of the name and type goes.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    [HttpDelete("by-name/{record_name}/{record_type}", Name = "deleteRecordByName")]
    [Authorize(Policy = Scopes.RecordsWrite)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidZoneId, ErrorCodes.ValidationError, ErrorCodes.NameOutsideZone)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound, ErrorCodes.RecordNotFound)]
    [ProducesError(StatusCodes.Status409Conflict,
        ErrorCodes.ProtectedRecord, ErrorCodes.NsTargetNeedsAddress, ErrorCodes.OccludedRecord, ErrorCodes.TargetIsCname,
        ErrorCodes.CnameLoop, ErrorCodes.CnameChainTooLong)]
    public async Task<IActionResult> DeleteByName(
        [ZoneIdFromRoute] Guid zoneId, [FromRoute(Name = "record_name")] string recordName,
        [FromRoute(Name = "record_type")] string recordType, [FromQuery(Name = "content")] string? content, CancellationToken ct) =>
        Answer(await records.DeleteByNameAsync(User.CustomerId(), zoneId, recordName, recordType, QueryContent(content), ct));

    /// <summary>What a write came to, as the response: the record with its message (and warnings), 204, or the refusal.</summary>
    private IActionResult Answer(RecordResult result, int status = StatusCodes.Status204NoContent, string message = "") => result switch
    {
        RecordResult.Written(var record, var warnings) => StatusCode(status,
            Envelope.Success(new RecordChangeData(message, RecordDto.From(record), WarningList.OrNull(warnings)))),
        RecordResult.Deleted => NoContent(),
        RecordResult.Refused(var error) => error.ToResult(),
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// Model binding turns <c>?content=</c> into null, which would mean "the whole RRset" and delete every
    /// value; an empty parameter is kept empty so the service can refuse it.
    /// </summary>
    private string? QueryContent(string? bound) => bound ?? (Request.Query.ContainsKey("content") ? "" : null);

}
