using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZoneApi.Auth;
using ZoneApi.Export;
using ZoneApi.Http;
using ZoneApi.Limits;
using ZoneApi.Records;

namespace ZoneApi.Import;

/// <summary>A whole zone from a master file (CONTRACT A8).</summary>
[ApiController]
[Route("v1/zones/{zone_id}/import")]
[Produces("application/json")]
[Tags("Zones")]
public sealed class ZoneImportController(ZoneImporter importer) : ControllerBase
{
    /// <summary>
    /// The most a file may hold: about 700,000 records as the export writes them. Past it, 413 before anything is read
    /// into memory; the records-per-zone quota bounds the number of records on top.
    /// </summary>
    public const long MaxFileBytes = 32 * 1024 * 1024;

    /// <summary>Imports an RFC 1035 master file into the zone, or (dry_run=true) shows what that would change.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:write. The body is a master file as `text/dns` (what the export writes), or
    /// `{"zone_file":"..."}` as JSON: `$ORIGIN`, `$TTL`, `@`, relative names, parentheses, comments, quoted strings with
    /// escapes; ALIAS as the export's comment line `; ALIAS &lt;name&gt; &lt;ttl&gt; &lt;target&gt;`. Each record is checked as a
    /// create checks it, and the zone the import leaves must pass every rule a single write checks. `mode=merge` (the
    /// default) adds and updates; `mode=replace` also removes what the file lacks. The SOA and the server's apex NS records
    /// stay the server's; their lines are listed in `ignored`. A problem answers with the first problem's status and code,
    /// and one `details` entry per problem, `{"field":"line 12","reason":"CODE: ..."}`; nothing is written. A real import
    /// is one transaction and raises the serial once.
    /// </remarks>
    /// <param name="zoneId">The zone's id.</param>
    /// <param name="request">The master file.</param>
    /// <param name="mode">merge (default) or replace.</param>
    /// <param name="dryRun">true: answer with the diff and write nothing. Default false.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    [HttpPost(Name = "importZone")]
    [WholeZoneOperation]
    [Authorize(Policy = Scopes.RecordsWrite)]
    [Consumes(ZoneExportController.MediaType, "application/json")]
    [RequestSizeLimit(MaxFileBytes)]
    [ProducesResponseType<SuccessEnvelope<ImportData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest,
        ErrorCodes.InvalidZoneId, ErrorCodes.ValidationError, ErrorCodes.InvalidJson, ErrorCodes.CnameAtApex, ErrorCodes.NameOutsideZone,
        ErrorCodes.WildcardNs)]
    [ProducesError(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientScope, ErrorCodes.QuotaExceeded)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound)]
    [ProducesRuleConflicts]
    public async Task<IActionResult> Import(
        [ZoneIdFromRoute] Guid zoneId, [FromBody] ImportZoneRequest request,
        [FromQuery(Name = "mode")] string? mode, [FromQuery(Name = "dry_run")] string? dryRun, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        var problems = new List<ErrorDetail>();
        ImportMode? importMode = mode?.ToLowerInvariant() switch
        {
            null or "merge" => ImportMode.Merge,
            "replace" => ImportMode.Replace,
            _ => null,
        };
        if (importMode is null)
        {
            problems.Add(new ErrorDetail("mode", "must be merge or replace"));
        }

        bool? isDryRun = dryRun?.ToLowerInvariant() switch
        {
            null or "false" => false,
            "true" => true,
            _ => null,
        };
        if (isDryRun is null)
        {
            problems.Add(new ErrorDetail("dry_run", "must be true or false"));
        }

        if (string.IsNullOrWhiteSpace(request.ZoneFile))
        {
            problems.Add(new ErrorDetail("zone_file", "must hold a master file"));
        }

        if (problems.Count > 0 || importMode is not { } chosenMode || isDryRun is not { } chosenDryRun || request.ZoneFile is not { } file)
        {
            return ErrorResult.Of(ErrorCodes.ValidationError, ValidationFilter.ValidationMessage(problems), problems);
        }

        return await importer.ImportAsync(User.CustomerId(), zoneId, file, chosenMode, chosenDryRun, ct) switch
        {
            ImportResult.Done(var data) => Ok(Envelope.Success(data)),
            ImportResult.Refused(var error) => error.ToResult(),
            _ => throw new UnreachableException(),
        };
    }
}
