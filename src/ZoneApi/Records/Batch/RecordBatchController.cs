using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZoneApi.Auth;
using ZoneApi.Http;
using ZoneApi.Limits;

namespace ZoneApi.Records.Batch;

/// <summary>Many record changes to one zone at once. Needs zones:read and records:write, like the single writes.</summary>
[ApiController]
[Route("v1/zones/{zone_id}/records/batch")]
[Tags("Records")]
[Produces("application/json")]
public sealed class RecordBatchController(RecordService records) : ControllerBase
{
    /// <summary>Applies up to 1000 creates, updates and deletes in order, in one transaction: all of them, or none.</summary>
    /// <remarks>
    /// Needs the scopes zones:read and records:write. Each operation means what its single route means (create is
    /// POST, with its upsert; update is PUT by id; delete is DELETE by id) and is checked against the state the
    /// operations before it built, so deleting the A records at a name and then creating a CNAME there works. Rules
    /// that look at the zone as a server answers it (NS targets' addresses, delegations, wildcards) are checked on
    /// the state the whole batch leaves. The SOA serial rises once. A refusal answers the status and code of the
    /// first refused operation, with a detail per refused operation (`operations[3]`, reason `CODE: message`), and
    /// writes nothing.
    /// </remarks>
    /// <param name="zoneId">The zone's id.</param>
    /// <param name="request">The operations.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    [HttpPost(Name = "batchRecords")]
    [WholeZoneOperation]
    [Authorize(Policy = Scopes.RecordsWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<SuccessEnvelope<BatchData>>(StatusCodes.Status200OK)]
    [ProducesError(StatusCodes.Status400BadRequest,
        ErrorCodes.InvalidZoneId, ErrorCodes.ValidationError, ErrorCodes.InvalidJson, ErrorCodes.CnameAtApex, ErrorCodes.NameOutsideZone,
        ErrorCodes.WildcardNs)]
    [ProducesError(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientScope, ErrorCodes.QuotaExceeded)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.ZoneNotFound, ErrorCodes.RecordNotFound)]
    [ProducesRuleConflicts(ErrorCodes.RecordConflict)]
    public async Task<IActionResult> Apply([ZoneIdFromRoute] Guid zoneId, BatchRequest request, CancellationToken ct) =>
        await records.BatchAsync(User.CustomerId(), zoneId, request, ct) switch
        {
            BatchOutcome.Applied(var steps) => Ok(Envelope.Success(BatchData.From(steps))),
            BatchOutcome.Refused(var refusals) => BatchErrors.Refused(refusals, request.Operations?.Count ?? 0).ToResult(),
            BatchOutcome.Failed(var error) => error.ToResult(),
            _ => throw new UnreachableException(),
        };
}
