using ZoneApi.Http;
using ZoneApi.OpenApi;

namespace ZoneApi.Zones;

/// <summary>POST /v1/zones. Only <c>name</c> is required.</summary>
/// <param name="Name">The zone's domain name, e.g. example.com; a trailing dot and upper case are accepted, Unicode becomes punycode.</param>
/// <param name="Type">master (default) or slave; primary and secondary are accepted as aliases.</param>
/// <param name="Region">EU, GLOBAL or EU_GLOBAL (default).</param>
/// <param name="Status">active (default), paused, pending or error.</param>
public sealed record CreateZoneRequest([property: RequiredField] string? Name, string? Type = null, string? Region = null, string? Status = null);

/// <summary>PUT /v1/zones/{zone_id}. Omitted optional fields keep their values; zones cannot be renamed.</summary>
/// <param name="Name">Must name the zone being updated.</param>
/// <param name="Type">master or slave (primary and secondary are aliases).</param>
/// <param name="Region">EU, GLOBAL or EU_GLOBAL.</param>
/// <param name="Status">active, paused, pending or error.</param>
public sealed record UpdateZoneRequest([property: RequiredField] string? Name, string? Type = null, string? Region = null, string? Status = null);

/// <summary>A zone as clients see it.</summary>
public sealed record ZoneDto(
    Guid Id, Guid CustomerId, string Name, string Type, string Region, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ZoneDto From(Zone zone) =>
        new(zone.Id, zone.CustomerId, zone.Name, zone.Type, zone.Region, zone.Status, zone.CreatedAt, zone.UpdatedAt);
}

public sealed record ZoneData(ZoneDto Zone);

/// <summary>The data of a create or update: a message for people and the zone.</summary>
public sealed record ZoneChangeData(string Message, ZoneDto Zone);

public sealed record ZoneListData(IReadOnlyList<ZoneDto> Zones, Pagination Pagination);
