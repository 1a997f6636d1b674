using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ZoneApi.Dns;
using ZoneApi.Dns.Content;
using ZoneApi.Http;
using ZoneApi.Zones;

namespace ZoneApi.Records;

public sealed partial class RecordService
{
    private async Task<RecordResult.Refused?> ValidateAsync(RecordWrite write, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(write, ct);
        if (result.IsValid)
        {
            return null;
        }

        var envelope = ValidationFilter.ToEnvelope(result.Errors);
        return RecordResult.Refuse(envelope.Error.Code, envelope.Error.Message, envelope.Error.Details);
    }

    private Task<DnsRecord?> FindAsync(Zone zone, string recordId, CancellationToken ct) =>
        db.Records.FirstOrDefaultAsync(r => r.ZoneId == zone.Id && r.Id == recordId, ct);

    /// <summary>
    /// The values that a by-name route names: the RRset at name and type, or the one value <paramref name="content"/>
    /// picks (compared in canonical form, so "10 mail.example.com" finds the MX whose target is mail.example.com.).
    /// </summary>
    private async Task<(IReadOnlyList<DnsRecord> Records, RecordError? Error)> SelectAsync(
        Zone zone, string recordName, string recordType, string? content, bool wholeRRsetAllowed, CancellationToken ct)
    {
        string name;
        switch (OwnerName.Normalize(recordName, zone.Name))
        {
            case OwnerNameResult.Valid(var owner):
                name = owner;
                break;
            case OwnerNameResult.OutsideZone(_, var reason):
                return ([], new RecordError(ErrorCodes.NameOutsideZone, $"The record name {reason}.", [new ErrorDetail("record_name", reason)]));
            case OwnerNameResult.Invalid(var reason):
                return ([], Invalid("record_name", reason));
            default:
                throw new InvalidOperationException("OwnerName.Normalize returned an unknown result.");
        }

        if (RecordTypes.Normalize(recordType) is not { } type)
        {
            return ([], Invalid("record_type", $"must be one of {string.Join(", ", RecordTypes.All)}"));
        }

        if (content is { Length: 0 })
        {
            return ([], Invalid("content", "must not be empty; leave the parameter out to mean every value of the name and type"));
        }

        var rrset = await db.Records.Where(r => r.ZoneId == zone.Id && r.Name == name && r.Type == type).OrderBy(r => r.Content).ToListAsync(ct);
        var matches = content is null ? null : ContentMatcher(type, content);
        var wanted = matches is null ? rrset : rrset.Where(matches).ToList();
        return wanted.Count switch
        {
            0 => ([], new RecordError(ErrorCodes.RecordNotFound,
                content is null ? $"There are no {type} records at {name}." : $"{name} has no {type} record with content {content}.")),
            > 1 when !wholeRRsetAllowed => ([], Invalid("content",
                $"{name} has {wanted.Count} {type} values; say which one with ?content=<current value>")),
            _ => (wanted, null),
        };
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
}
