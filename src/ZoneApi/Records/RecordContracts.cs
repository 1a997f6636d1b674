using System.Text.Json.Serialization;
using ZoneApi.Http;
using ZoneApi.OpenApi;

namespace ZoneApi.Records;

/// <summary>POST /v1/zones/{zone_id}/records, and PUT /v1/zones/{zone_id}/records/{record_id}.</summary>
/// <param name="Name">@ for the apex, a relative name (www, _dmarc, *.dev) or an absolute one with or without the trailing dot.</param>
/// <param name="Type">A, AAAA, ALIAS, CAA, CNAME, HTTPS, MX, NAPTR, NS, PTR, SRV, SSHFP, SVCB, TLSA or TXT, in any case.</param>
/// <param name="Content">The value in the type's presentation format, e.g. 192.0.2.1, example.com, "v=spf1 -all", 10 5 5060 sip.example.com.</param>
/// <param name="Ttl">120-86400 seconds; 0 or absent means 3600. It applies to every value of the name and type (RFC 2181 §5.2).</param>
/// <param name="Priority">MX preference (0-65535), unless the content starts with it; SRV priority when the content has three fields.</param>
/// <param name="Disabled">True keeps the value stored but unserved. Default false.</param>
/// <param name="Comment">Up to 500 characters for the name and type; "" clears it, null or absent keeps it.</param>
public sealed record CreateRecordRequest(
    [property: RequiredField] string? Name,
    [property: RequiredField] string? Type,
    [property: RequiredField] string? Content,
    int? Ttl = null,
    int? Priority = null,
    bool? Disabled = null,
    string? Comment = null);

/// <summary>PUT /v1/zones/{zone_id}/records/by-name/{record_name}/{record_type}: the new value of one record.</summary>
/// <param name="Content">The new value.</param>
/// <param name="Ttl">120-86400 seconds; 0 or absent means 3600.</param>
/// <param name="Priority">MX preference; SRV priority when the content has three fields.</param>
/// <param name="Disabled">Default false.</param>
/// <param name="Comment">"" clears it, null or absent keeps it.</param>
public sealed record UpdateRecordByNameRequest(
    [property: RequiredField] string? Content,
    int? Ttl = null,
    int? Priority = null,
    bool? Disabled = null,
    string? Comment = null);

/// <summary>A record as clients see it: priority only for MX and SRV, comment only when set.</summary>
public sealed record RecordDto(
    string Id,
    string Name,
    string Type,
    string Content,
    int Ttl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Priority,
    bool Disabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment)
{
    public static RecordDto From(DnsRecord record) =>
        new(record.Id, record.Name, record.Type, record.Content, record.Ttl, record.Priority, record.Disabled, record.Comment);
}

public sealed record RecordData(RecordDto Record);

/// <summary>The data of a create or update: a message for people, the record, and warnings when there are any.</summary>
public sealed record RecordChangeData(
    string Message,
    RecordDto Record,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Warning>? Warnings);

public sealed record RecordListData(IReadOnlyList<RecordDto> Records, Pagination Pagination);
