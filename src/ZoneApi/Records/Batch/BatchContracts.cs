using System.Text.Json.Serialization;
using ZoneApi.Http;
using ZoneApi.OpenApi;

namespace ZoneApi.Records.Batch;

/// <summary>POST /v1/zones/{zone_id}/records/batch.</summary>
/// <param name="Operations">1 to 1000 changes, applied in this order in one transaction: all of them, or none.</param>
public sealed record BatchRequest([property: RequiredField] IReadOnlyList<BatchOperationRequest?>? Operations);

/// <summary>One change of a batch, as the single routes take it.</summary>
/// <param name="Action">create (like POST), update (like PUT by id) or delete (like DELETE by id).</param>
/// <param name="Id">The record's id: required for update and delete, left out for create (ids come from the content).</param>
/// <param name="Record">The value: required for create and update, left out for delete.</param>
public sealed record BatchOperationRequest(
    [property: RequiredField] string? Action,
    string? Id = null,
    CreateRecordRequest? Record = null);

/// <summary>What one operation did: the record it wrote (create, update) with its warnings, or the record it deleted.</summary>
/// <param name="Action">create, update or delete.</param>
/// <param name="Id">The id of the record written (it changes with the content) or deleted.</param>
/// <param name="Record">The record as written, or as it was when deleted.</param>
/// <param name="Warnings">Legal but risky, as a single write would warn, judged on the state the whole batch leaves.</param>
public sealed record BatchResultDto(
    string Action,
    string Id,
    RecordDto Record,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Warning>? Warnings)
{
    public static BatchResultDto From(BatchStep step) =>
        new(step.Action, step.Record.Id, RecordDto.From(step.Record), WarningList.OrNull(step.Warnings));
}

/// <summary>The data of an applied batch: a message for people and one result per operation, in request order.</summary>
public sealed record BatchData(string Message, IReadOnlyList<BatchResultDto> Results)
{
    public static BatchData From(IReadOnlyList<BatchStep> steps) =>
        new($"Batch applied: {steps.Count} operation(s) in one change", steps.Select(BatchResultDto.From).ToList());
}
