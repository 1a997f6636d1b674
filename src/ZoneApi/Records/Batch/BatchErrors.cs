using ZoneApi.Http;

namespace ZoneApi.Records.Batch;

/// <summary>
/// A refused batch as one error: the status and code of the first refused operation, and a detail
/// per refused operation in request order, whose field names the operation and whose reason starts with its code.
/// </summary>
public static class BatchErrors
{
    /// <summary>Operations refused by the rules on stored state: one detail each, <c>operations[3]</c>, "CODE: message".</summary>
    public static RecordError Refused(IReadOnlyList<OperationRefusal> refusals, int total) =>
        Combine(refusals, total, r => [new ErrorDetail(Field(r.Operation), $"{r.Error.Code}: {MessageWithDetails(r.Error)}")]);

    /// <summary>Operations of the wrong shape: one detail per field, <c>operations[2].record.content</c>, "CODE: reason".</summary>
    public static RecordError Invalid(IReadOnlyList<OperationRefusal> refusals, int total) =>
        Combine(refusals, total, r => r.Error.Details is { Count: > 0 } fields
            ? fields.Select(d => new ErrorDetail(d.Field.Length == 0 ? Field(r.Operation) : $"{Field(r.Operation)}.{d.Field}", $"{r.Error.Code}: {d.Reason}"))
            : [new ErrorDetail(Field(r.Operation), $"{r.Error.Code}: {r.Error.Message}")]);

    public static string Field(int operation) => $"operations[{operation}]";

    private static RecordError Combine(IReadOnlyList<OperationRefusal> refusals, int total, Func<OperationRefusal, IEnumerable<ErrorDetail>> details)
    {
        var first = refusals[0];
        var others = refusals.Count == 1 ? "" : $" {refusals.Count} of the {total} operations were refused (see details).";
        return new RecordError(first.Error.Code,
            $"{Field(first.Operation)} was refused: {first.Error.Message.TrimEnd('.')}.{others} Nothing was written.",
            refusals.SelectMany(details).ToList());
    }

    private static string MessageWithDetails(RecordError error) => error.Details is { Count: > 0 } fields
        ? $"{error.Message.TrimEnd('.')} ({string.Join("; ", fields.Select(d => $"{d.Field} {d.Reason}"))})."
        : error.Message;
}
