namespace ZoneApi.Records.Batch;

/// <summary>
/// One change for <see cref="RecordService.ApplyBatchAsync"/>, already read and validated: the batch route makes
/// these from its request, and other code (an import) can make them from anything else.
/// </summary>
public abstract record BatchOperation
{
    public const string CreateAction = "create";
    public const string UpdateAction = "update";
    public const string DeleteAction = "delete";

    public static readonly IReadOnlyList<string> Actions = [CreateAction, UpdateAction, DeleteAction];

    public abstract string Action { get; }

    /// <summary>Creates a value; an existing identical one is updated in place, a CNAME or ALIAS replaces the one at its name.</summary>
    public sealed record Create(RecordInput Record, bool? Disabled) : BatchOperation
    {
        public override string Action => CreateAction;
    }

    /// <summary>Replaces the value with id <paramref name="Id"/>, keeping its name and type, as PUT by id does.</summary>
    public sealed record Update(string Id, RecordInput Record, bool? Disabled) : BatchOperation
    {
        public override string Action => UpdateAction;
    }

    /// <summary>Deletes the value with id <paramref name="Id"/>.</summary>
    public sealed record Delete(string Id) : BatchOperation
    {
        public override string Action => DeleteAction;
    }

    /// <summary>Whether the operation writes a value whose rules read the customer's other zones (its alias-graph lock).</summary>
    public bool NeedsAliasGraphLock => this switch
    {
        Create(var record, _) => RecordRules.NeedsAliasGraphLock(record.Type),
        Update(_, var record, _) => RecordRules.NeedsAliasGraphLock(record.Type),
        _ => false,
    };
}

/// <summary>What one applied operation did: the record it wrote and its warnings, or the record it deleted.</summary>
public sealed record BatchStep(string Action, DnsRecord Record, IReadOnlyList<Http.Warning> Warnings);

/// <summary>Why operation number <paramref name="Operation"/> (0-based, in request order) was refused.</summary>
public sealed record OperationRefusal(int Operation, RecordError Error);

/// <summary>What a batch came to. Refusals are answers, not exceptions; a refused batch wrote nothing.</summary>
public abstract record BatchOutcome
{
    /// <summary>Every operation applied (committed, or rolled back on purpose for a dry run), one step each, in order.</summary>
    public sealed record Applied(IReadOnlyList<BatchStep> Steps) : BatchOutcome;

    /// <summary>Every refused operation, in request order; nothing was written.</summary>
    public sealed record Refused(IReadOnlyList<OperationRefusal> Refusals) : BatchOutcome;

    /// <summary>The batch as a whole was refused before any operation ran (no such zone, malformed operations).</summary>
    public sealed record Failed(RecordError Error) : BatchOutcome;
}
