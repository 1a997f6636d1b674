using System.Globalization;
using ZoneApi.Dns;
using ZoneApi.Dns.Content;

namespace ZoneApi.Export;

/// <summary>
/// Writes a zone as an RFC 1035 §5 master file (CONTRACT A8): <c>$ORIGIN</c>, <c>$TTL</c>, then one line per
/// record, <c>owner TTL IN TYPE RDATA</c>, owners relative to the origin (<c>@</c> for the apex). The caller
/// passes the SOA first and leaves disabled records out; this class only turns records into text, so the
/// import can parse what it writes and tests can check it line by line.
/// </summary>
public static class ZoneFileRenderer
{
    /// <summary>The directives that start the file; <paramref name="zoneName"/> is lower-case, without the dot.</summary>
    public static string Header(string zoneName, int defaultTtl) =>
        string.Create(CultureInfo.InvariantCulture, $"$ORIGIN {zoneName}.\n$TTL {defaultTtl}\n");

    /// <summary>
    /// One record as one line, without the line break. ALIAS has no DNS type (each server expands it its own
    /// way), so it becomes a comment that keeps the record's columns: <c>; ALIAS @ 3600 target.example.net.</c>.
    /// </summary>
    public static string Line(string zoneName, ZoneFileRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        var owner = RelativeOwner(zoneName, record.Name);
        var ttl = record.Ttl.ToString(CultureInfo.InvariantCulture);
        return record.Type == RecordTypes.Alias
            ? $"; {RecordTypes.Alias} {owner} {ttl} {record.Content}"
            : $"{owner}\t{ttl}\tIN\t{record.Type}\t{Rdata(record)}";
    }

    /// <summary>
    /// Reads back a line <see cref="Line"/> wrote for an ALIAS (for an import, or to compare a server's ALIAS records
    /// with the export); null for any other line.
    /// </summary>
    public static ZoneFileRecord? TryParseAliasComment(string zoneName, string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not [";", RecordTypes.Alias, var owner, var ttlText, var target]
            || !int.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl))
        {
            return null;
        }

        var name = owner == "@" ? zoneName + "." : owner.EndsWith('.') ? owner : $"{owner}.{zoneName}.";
        return new ZoneFileRecord(name, RecordTypes.Alias, target, null, ttl);
    }

    /// <summary>The RDATA in presentation form, as it follows the type on a line.</summary>
    public static string Rdata(ZoneFileRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        return record.Type switch
        {
            // The API keeps the MX preference apart from the target (CONTRACT B9.1); RFC 1035 §3.3.9 puts it first.
            RecordTypes.Mx => string.Create(CultureInfo.InvariantCulture, $"{record.Priority ?? 0} {record.Content}"),

            // Stored as one unquoted value (CONTRACT A3); DNS carries character-strings of at most 255 octets.
            RecordTypes.Txt => string.Join(' ', TxtStrings.Split(record.Content).Select(ZoneFileText.Quote)),
            _ => ZoneFileText.EscapeNonAscii(record.Content),
        };
    }

    /// <summary><c>@</c> for the apex, the labels before the origin for names inside it, the absolute name otherwise.</summary>
    public static string RelativeOwner(string zoneName, string name)
    {
        ArgumentNullException.ThrowIfNull(zoneName);
        ArgumentNullException.ThrowIfNull(name);

        var apex = zoneName + ".";
        if (name == apex)
        {
            return "@";
        }

        return name.EndsWith("." + apex, StringComparison.Ordinal) ? name[..^(apex.Length + 1)] : name;
    }
}
