using FluentValidation;

namespace ZoneApi.Records.Batch;

/// <summary>The batch as a whole: 1 to <see cref="RecordService.MaxBatchOperations"/> operations.</summary>
public sealed class BatchRequestValidator : AbstractValidator<BatchRequest>
{
    public BatchRequestValidator()
    {
        RuleFor(r => r.Operations)
            .NotNull().WithMessage("is required: a list of 1 to 1000 operations")
            .Must(operations => operations is null || operations.Count is > 0 and <= RecordService.MaxBatchOperations)
            .WithMessage(r => $"must hold 1 to {RecordService.MaxBatchOperations} operations, not {r.Operations?.Count}; "
                + "split a larger change into several batches");
    }
}

/// <summary>
/// The shape of one operation: a known action, an id where it names a record, a record where it writes one. The
/// record itself is checked by <see cref="RecordWriteValidator"/>, as the single routes check it.
/// </summary>
public sealed class BatchOperationValidator : AbstractValidator<BatchOperationRequest>
{
    public BatchOperationValidator()
    {
        RuleFor(o => o.Action)
            .NotEmpty().WithMessage("is required: create, update or delete")
            .Must(action => action is null || ActionOf(action) is not null).WithMessage("must be create, update or delete");
        RuleFor(o => o.Id)
            .NotEmpty().When(o => ActionOf(o.Action) is BatchOperation.UpdateAction or BatchOperation.DeleteAction)
            .WithMessage(o => $"is required for {ActionOf(o.Action)}: the id of the record, as the list shows it");
        RuleFor(o => o.Id)
            .Null().When(o => ActionOf(o.Action) == BatchOperation.CreateAction)
            .WithMessage("must be left out for create: a record's id comes from its name, type and content");
        RuleFor(o => o.Record)
            .NotNull().When(o => ActionOf(o.Action) is BatchOperation.CreateAction or BatchOperation.UpdateAction)
            .WithMessage(o => $"is required for {ActionOf(o.Action)}: the name, type and content of the value");
        RuleFor(o => o.Record)
            .Null().When(o => ActionOf(o.Action) == BatchOperation.DeleteAction)
            .WithMessage("must be left out for delete: the id names the record");
    }

    /// <summary>The action in canonical (lower-case) form, or null when it is none of the three.</summary>
    public static string? ActionOf(string? action) =>
        BatchOperation.Actions.FirstOrDefault(a => string.Equals(a, action, StringComparison.OrdinalIgnoreCase));
}
