using System.Diagnostics.CodeAnalysis;
using ZoneApi.Dns;
using ZoneApi.Dns.Content;
using ZoneApi.Http;

namespace ZoneApi.Records;

/// <summary>
/// Reading a request into canonical input, once and before any lock (CONTRACT A4): the input-shape rules never
/// wait on a zone lock, and the locked part receives what they produced.
/// </summary>
public sealed partial class RecordService
{
    /// <summary>Validates a write (<see cref="RecordWriteValidator"/>) and, when it passes, makes the canonical input of it.</summary>
    private bool TryParse(RecordWrite write, [NotNullWhen(true)] out RecordInput? input, [NotNullWhen(false)] out RecordError? invalid)
    {
        var result = validator.Validate(write);
        if (result.IsValid)
        {
            (input, invalid) = (RecordInput.From(write), null);
            return true;
        }

        var envelope = ValidationFilter.ToEnvelope(result.Errors);
        (input, invalid) = (null, new RecordError(envelope.Error.Code, envelope.Error.Message, envelope.Error.Details));
        return false;
    }

    /// <summary>
    /// The name, type and (optional) <c>?content=</c> of a by-name route, canonical; the content becomes a test
    /// of stored values (<see cref="ContentMatcher"/>).
    /// </summary>
    private static bool TryParseSelection(string zoneName, string recordName, string recordType, string? content,
        [NotNullWhen(true)] out RRsetSelection? selection, [NotNullWhen(false)] out RecordError? invalid)
    {
        (selection, invalid) = (null, null);
        string name;
        switch (OwnerName.Normalize(recordName, zoneName))
        {
            case OwnerNameResult.Valid(var owner):
                name = owner;
                break;
            case OwnerNameResult.OutsideZone(_, var reason):
                invalid = new RecordError(ErrorCodes.NameOutsideZone, $"The record name {reason}.", [new ErrorDetail("record_name", reason)]);
                return false;
            case OwnerNameResult.Invalid(var reason):
                invalid = Invalid("record_name", reason);
                return false;
            default:
                throw new InvalidOperationException("OwnerName.Normalize returned an unknown result.");
        }

        if (RecordTypes.Normalize(recordType) is not { } type)
        {
            invalid = Invalid("record_type", $"must be one of {string.Join(", ", RecordTypes.All)}");
            return false;
        }

        if (content is { Length: 0 })
        {
            invalid = Invalid("content", "must not be empty; leave the parameter out to mean every value of the name and type");
            return false;
        }

        selection = new RRsetSelection(name, type, content, content is null ? null : ContentMatcher(type, content));
        return true;
    }

    /// <summary>
    /// Which stored values <c>?content=</c> names, compared in canonical form. MX content is stored as the bare
    /// target with the preference apart, so "10 mail.example.com" names the MX 10 only, while "mail.example.com"
    /// names every MX to that host. SRV keeps its priority in the content, so a full value names one record and
    /// "weight port target" names every priority of it.
    /// </summary>
    private static Func<DnsRecord, bool> ContentMatcher(string type, string content)
    {
        if (RecordContent.Parse(type, content, null) is RecordContentResult.Valid valid
            && !(type == RecordTypes.Srv && PresentationTokens.TrySplit(content, out var fields) is null && fields.Count == 3))
        {
            return type == RecordTypes.Mx
                ? r => r.Content == valid.Content && r.Priority == valid.Priority
                : r => r.Content == valid.Content || r.Content == content;
        }

        if (RecordContent.Parse(type, content, 0) is RecordContentResult.Valid anyPriority)
        {
            // The priority was left out: the first field of SRV content is the priority put in for it.
            return type == RecordTypes.Srv
                ? r => r.Content.Split(' ', 2)[^1] == anyPriority.Content.Split(' ', 2)[^1]
                : r => r.Content == anyPriority.Content;
        }

        return r => r.Content == content;
    }

    private static RecordError Invalid(string field, string reason) =>
        new(ErrorCodes.ValidationError, $"{field} {reason}.", [new ErrorDetail(field, reason)]);

    /// <summary>What a by-name route picks: the RRset at <paramref name="Name"/> and <paramref name="Type"/>, or the values <paramref name="Matches"/> accepts.</summary>
    private sealed record RRsetSelection(string Name, string Type, string? Content, Func<DnsRecord, bool>? Matches);
}
