using System.Diagnostics.CodeAnalysis;
using FluentValidation.Results;
using ZoneApi.Http;
using ZoneApi.Records.Batch;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>
/// The batch route's request read into operations, every one of them and before any lock (CONTRACT A4), with the
/// validators the single routes use; a batch with any malformed operation is refused whole, naming each problem.
/// </summary>
public sealed partial class RecordService
{
    private static readonly BatchOperationValidator OperationValidator = new();

    /// <summary>POST /v1/zones/{zone_id}/records/batch: reads and validates every operation, then applies them (<see cref="ApplyBatchAsync"/>).</summary>
    public async Task<BatchOutcome> BatchAsync(Guid customerId, Guid zoneId, BatchRequest request, CancellationToken ct)
    {
        // BatchRequestValidator has run: 1 to MaxBatchOperations operations.
        var requested = request.Operations ?? [];
        if (await db.ZoneNameAsync(customerId, zoneId, ct) is not { } zoneName)
        {
            return new BatchOutcome.Failed(RecordErrors.ZoneNotFound(zoneId));
        }

        var operations = new List<BatchOperation>(requested.Count);
        var invalid = new List<OperationRefusal>();
        for (var i = 0; i < requested.Count; i++)
        {
            if (TryParseOperation(zoneName, requested[i], out var operation, out var error))
            {
                operations.Add(operation);
            }
            else
            {
                invalid.Add(new OperationRefusal(i, error));
            }
        }

        return invalid.Count > 0
            ? new BatchOutcome.Failed(BatchErrors.Invalid(invalid, requested.Count))
            : await ApplyBatchAsync(customerId, zoneId, operations, commit: true, ct);
    }

    /// <summary>One operation: its own shape (<see cref="BatchOperationValidator"/>) and its record's (<see cref="RecordWriteValidator"/>).</summary>
    private bool TryParseOperation(string zoneName, BatchOperationRequest? request,
        [NotNullWhen(true)] out BatchOperation? operation, [NotNullWhen(false)] out RecordError? invalid)
    {
        (operation, invalid) = (null, null);
        if (request is null)
        {
            invalid = new RecordError(ErrorCodes.ValidationError, "An operation must be an object.",
                [new ErrorDetail("", "must be an object with action, and id or record (or both, for update)")]);
            return false;
        }

        var failures = OperationValidator.Validate(request).Errors.ToList();
        var action = BatchOperationValidator.ActionOf(request.Action);
        RecordWrite? write = null;
        if (request.Record is { } record && action is BatchOperation.CreateAction or BatchOperation.UpdateAction)
        {
            write = new RecordWrite(zoneName, record.Name, record.Type, record.Content, record.Ttl, record.Priority, record.Comment);
            failures.AddRange(validator.Validate(write).Errors.Select(f =>
                new ValidationFailure("record." + ApiJson.FieldName(f.PropertyName), f.ErrorMessage) { ErrorCode = f.ErrorCode }));
        }

        if (failures.Count > 0)
        {
            var envelope = ValidationFilter.ToEnvelope(failures);
            invalid = new RecordError(envelope.Error.Code, envelope.Error.Message, envelope.Error.Details);
            return false;
        }

        // The validator has passed: update and delete have an id, create and update a record.
        operation = action switch
        {
            BatchOperation.CreateAction => new BatchOperation.Create(RecordInput.From(write!), request.Record!.Disabled),
            BatchOperation.UpdateAction => new BatchOperation.Update(request.Id!, RecordInput.From(write!), request.Record!.Disabled),
            _ => new BatchOperation.Delete(request.Id!),
        };
        return true;
    }
}
