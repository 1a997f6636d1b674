using System.Text.Json.Serialization;
using ZoneApi.Records;

namespace ZoneApi.Import;

/// <summary>POST /v1/zones/{zone_id}/import as JSON: the master file in a string.</summary>
/// <param name="ZoneFile">An RFC 1035 master file, as GET /v1/zones/{zone_id}/export writes it.</param>
public sealed record ImportZoneRequest(string? ZoneFile);

/// <summary>What an import does (or, as a dry run, would do) to the zone.</summary>
/// <param name="DryRun">True: nothing was written.</param>
/// <param name="Mode">merge (add and update) or replace (also remove what the file lacks).</param>
/// <param name="Diff">The zone before and after, value by value.</param>
/// <param name="Ignored">Lines the server left out, and why (the SOA, its own NS records, repeated values).</param>
public sealed record ImportData(bool DryRun, string Mode, ImportDiff Diff, IReadOnlyList<IgnoredLine> Ignored);

/// <param name="Added">Values the zone did not have.</param>
/// <param name="Removed">Values the zone loses (replace; in merge, only a CNAME or ALIAS that the file's one replaces).</param>
/// <param name="Changed">Values that stay with another TTL, or enabled again.</param>
/// <param name="Unchanged">How many values stay exactly as they were (the SOA aside, which changes with any change).</param>
public sealed record ImportDiff(
    IReadOnlyList<RecordDto> Added, IReadOnlyList<RecordDto> Removed, IReadOnlyList<RecordChange> Changed, int Unchanged);

/// <summary>One value before and after the import.</summary>
public sealed record RecordChange(RecordDto Before, RecordDto After);

/// <summary>A line of the file that was read but not imported.</summary>
public sealed record IgnoredLine(int Line, string Reason);

/// <summary>How the file's records meet the zone's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportMode>))]
public enum ImportMode
{
    /// <summary>Adds the file's values and updates those the zone has; keeps the rest.</summary>
    Merge,

    /// <summary>The zone becomes the file: also removes what the file lacks, except the SOA and the server's NS records.</summary>
    Replace,
}
