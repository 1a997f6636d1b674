using Microsoft.AspNetCore.Mvc;
using ZoneApi.Http;

namespace ZoneApi.Records;

/// <summary>Why a record operation was refused: a code of <see cref="ErrorCodes"/> and a message that says what to do.</summary>
public sealed record RecordError(string Code, string Message, IReadOnlyList<ErrorDetail>? Details = null)
{
    public ObjectResult ToResult() => ErrorResult.Of(Code, Message, Details);
}

/// <summary>What a record write came to. Refusals are answers, not exceptions.</summary>
public abstract record RecordResult
{
    public sealed record Written(DnsRecord Record, IReadOnlyList<Warning> Warnings) : RecordResult;

    public sealed record Deleted : RecordResult;

    public sealed record Refused(RecordError Error) : RecordResult;

    public static Refused Refuse(string code, string message, IReadOnlyList<ErrorDetail>? details = null) =>
        new(new RecordError(code, message, details));
}

/// <summary>What a record read came to.</summary>
public abstract record RecordRead
{
    public sealed record Found(DnsRecord Record) : RecordRead;

    public sealed record Page(IReadOnlyList<RecordDto> Records, int Total) : RecordRead;

    public sealed record Refused(RecordError Error) : RecordRead;
}

/// <summary>The refusals several record operations share.</summary>
public static class RecordErrors
{
    /// <summary>The zone routes' own 404, also for another customer's zone (CONTRACT A2).</summary>
    public static RecordError ZoneNotFound(Guid zoneId) => new(ErrorCodes.ZoneNotFound, Zones.ZoneErrors.NotFound(zoneId).Error.Message);

    public static RecordResult.Refused RecordNotFound(string recordId) => RecordResult.Refuse(ErrorCodes.RecordNotFound,
        Dns.RecordId.IsWellFormed(recordId)
            ? $"Record {recordId} not found in this zone. Ids change when content changes; list the zone's records for the current ones."
            : $"No record has that id: record ids are {Dns.RecordId.Length} characters of base64url (letters, digits, '-' and '_'); list the zone's records for them.");

    public static RecordResult.Refused Protected(DnsRecord record) => RecordResult.Refuse(ErrorCodes.ProtectedRecord,
        $"The {record.Type} record {record.Name} {record.Content} belongs to the server and cannot be changed or deleted"
        + (record.Type == Dns.RecordTypes.Ns ? $"; other NS records at the apex can be added with TTL {record.Ttl}." : "."));
}
