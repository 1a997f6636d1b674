using FluentValidation;
using FluentValidation.Results;
using ZoneApi.Dns;
using ZoneApi.Dns.Content;
using ZoneApi.Http;

namespace ZoneApi.Records;

/// <summary>
/// The fields of a record write together with the zone it goes into: owner names are relative to the zone,
/// and "CNAME at the apex" needs to know where the apex is.
/// </summary>
public sealed record RecordWrite(string ZoneName, string? Name, string? Type, string? Content, int? Ttl, int? Priority, string? Comment)
{
    /// <summary>The owner name, read once: <see cref="RecordWriteValidator"/> checks it, <see cref="RecordInput"/> takes it.</summary>
    public OwnerNameResult Owner { get; } = OwnerName.Normalize(Name, ZoneName);

    /// <summary>The content, parsed once for its type: <see cref="RecordWriteValidator"/> checks it, <see cref="RecordInput"/> takes it.</summary>
    public RecordContentResult ParsedContent { get; } = RecordContent.Parse(Type, Content, Priority);
}

/// <summary>
/// The input-shape rules of a record (CONTRACT A4): name, type, content syntax, TTL, comment, and no CNAME at
/// the apex. Rules about what is already stored are <see cref="RecordRules"/>'s.
/// </summary>
public sealed class RecordWriteValidator : AbstractValidator<RecordWrite>
{
    public const int MaxCommentLength = 500;

    public RecordWriteValidator()
    {
        RuleFor(w => w.Name).Custom((_, context) =>
        {
            switch (context.InstanceToValidate.Owner)
            {
                case OwnerNameResult.Invalid(var reason):
                    context.AddFailure("name", reason);
                    break;
                case OwnerNameResult.OutsideZone(_, var reason):
                    context.AddFailure(new ValidationFailure("name", reason) { ErrorCode = ErrorCodes.NameOutsideZone });
                    break;
                case OwnerNameResult.Valid(var owner) when IsCnameAtApex(context.InstanceToValidate, owner):
                    // RFC 1034 §3.6.2 and RFC 2181 §10.1: the apex always holds SOA and NS, and a CNAME stands alone.
                    context.AddFailure(new ValidationFailure("name",
                        "cannot hold a CNAME: it is the zone apex, which always has SOA and NS records. Use an ALIAS record there instead.")
                    { ErrorCode = ErrorCodes.CnameAtApex });
                    break;
            }
        });
        RuleFor(w => w.Content).Custom((_, context) =>
        {
            switch (context.InstanceToValidate.ParsedContent)
            {
                case RecordContentResult.Invalid(var field, var reason):
                    context.AddFailure(field, reason);
                    break;
                case RecordContentResult.NotWritable(var type, var reason):
                    context.AddFailure(new ValidationFailure("type", $"cannot be {type}: {reason}") { ErrorCode = ErrorCodes.ProtectedRecord });
                    break;
            }
        });
        RuleFor(w => w).Custom(OwnerTypeRules.Check);
        RuleFor(w => w.Ttl).Custom((ttl, context) =>
        {
            if (Ttl.Resolve(ttl).Error is { } error)
            {
                context.AddFailure("ttl", error);
            }
        });
        RuleFor(w => w.Comment).MaximumLength(MaxCommentLength).WithMessage($"must be at most {MaxCommentLength} characters");
        // PostgreSQL text cannot hold NUL, which would fail the write with a 500; the other control characters
        // (line breaks, escapes) have no place in a one-line note and would break log lines and zone files.
        RuleFor(w => w.Comment)
            .Must(comment => comment is null || !comment.Any(char.IsControl))
            .WithMessage("must not contain NUL, line breaks or other control characters");
    }

    private static bool IsCnameAtApex(RecordWrite write, string owner) =>
        RecordTypes.Normalize(write.Type) == RecordTypes.Cname && owner == write.ZoneName + ".";
}

/// <summary>A validated write, canonical throughout: what is stored and what the rules look at.</summary>
public sealed record RecordInput(string Name, string Type, string Content, int? Priority, string? Target, string Id, int Ttl, string? Comment)
{
    /// <summary>Builds the input from a write that <see cref="RecordWriteValidator"/> has accepted.</summary>
    public static RecordInput From(RecordWrite write)
    {
        var name = ((OwnerNameResult.Valid)write.Owner).Name;
        var content = (RecordContentResult.Valid)write.ParsedContent;
        return new RecordInput(name, content.Type, content.Content, content.Priority, content.Target,
            RecordId.Compute(name, content.Type, content.Data), Dns.Ttl.Resolve(write.Ttl).Value, write.Comment);
    }
}
