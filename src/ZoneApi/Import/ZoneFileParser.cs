using ZoneApi.Dns;
using ZoneApi.Http;

namespace ZoneApi.Import;

/// <summary>
/// One record of a master file, in the fields a single create takes (POST /v1/zones/{zone_id}/records): the owner
/// absolute with its dot, the type as written, the content in the API's presentation form, and the TTL.
/// </summary>
public sealed record ZoneFileEntry(int Line, string Owner, string Type, string Content, int? Ttl);

/// <summary>A master file read: its records in file order, and every problem, each on its line.</summary>
public sealed record ParsedZoneFile(IReadOnlyList<ZoneFileEntry> Entries, IReadOnlyList<ZoneFileProblem> Problems);

/// <summary>
/// Reads an RFC 1035 §5 master file into the records a create would take. Directives <c>$ORIGIN</c> and <c>$TTL</c>
/// (RFC 2308 §4); <c>$INCLUDE</c> is refused, since the server reads no files. <c>@</c> is the origin, names without a
/// final dot are relative to it, and a line that starts with white space has the previous owner. TTL and class are
/// optional and come in either order; the class must be IN. A missing TTL is <c>$TTL</c>'s, or else the last one
/// written (RFC 1035 §5.1), as BIND does. Record data is turned into the API's form by <see cref="ZoneFileRdata"/>;
/// what it means is then checked by the same code a POST runs, not here.
/// </summary>
public static class ZoneFileParser
{
    private static readonly HashSet<string> Classes = new(StringComparer.OrdinalIgnoreCase) { "IN", "CH", "CS", "HS", "NONE", "ANY" };

    /// <param name="text">The file.</param>
    /// <param name="zoneName">The zone, lower-case without the dot: the first origin.</param>
    /// <param name="maxEntries">Reading stops with a problem past this many records (the zone's quota).</param>
    public static ParsedZoneFile Parse(string text, string zoneName, int maxEntries = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zoneName);

        // A byte order mark some editors put first is not part of the first owner name.
        var (lines, problems) = ZoneFileTokenizer.Tokenize(text.StartsWith('\uFEFF') ? text[1..] : text);
        var entries = new List<ZoneFileEntry>();
        var origin = zoneName + ".";
        int? defaultTtl = null;
        int? lastTtl = null;
        string? previousOwner = null;

        foreach (var line in lines)
        {
            if (entries.Count > maxEntries)
            {
                problems.Add(new ZoneFileProblem(line.Line, ErrorCodes.QuotaExceeded,
                    $"the file holds more than {maxEntries} records, the most this zone may hold"));
                break;
            }

            void Problem(string reason) => problems.Add(new ZoneFileProblem(line.Line, ErrorCodes.ValidationError, reason));

            if (line.Comment is not null)
            {
                if (ZoneFileRdata.AliasComment(line.Comment, origin) is { } alias)
                {
                    if (alias.Entry is { } entry)
                    {
                        entries.Add(entry with { Line = line.Line });
                    }
                    else
                    {
                        Problem(alias.Problem!);
                    }
                }

                continue;
            }

            var tokens = line.Tokens;
            if (!line.OwnerBlank && tokens[0].Raw.StartsWith('$'))
            {
                switch (tokens[0].Raw.ToUpperInvariant())
                {
                    case "$ORIGIN" when tokens.Count == 2 && !tokens[1].Quoted:
                        origin = Qualify(tokens[1].Raw, origin);
                        break;
                    case "$TTL" when tokens.Count == 2 && TryParseTtl(tokens[1].Raw, out var ttl):
                        defaultTtl = ttl;
                        break;
                    case "$INCLUDE":
                        Problem("$INCLUDE is not supported: the server reads no files; paste the included file's records instead");
                        break;
                    case "$ORIGIN" or "$TTL":
                        Problem($"{tokens[0].Raw} takes one value: $ORIGIN <domain name> or $TTL <seconds>");
                        break;
                    default:
                        Problem($"{tokens[0].Raw} is not a directive this server reads ($ORIGIN and $TTL are; RFC 1035 §5.1)");
                        break;
                }

                continue;
            }

            var next = 0;
            string owner;
            if (line.OwnerBlank)
            {
                if (previousOwner is null)
                {
                    Problem("the line starts with white space, which means 'the previous owner', but no record comes before it");
                    continue;
                }

                owner = previousOwner;
            }
            else
            {
                owner = Qualify(tokens[0].Raw, origin);
                next = 1;
            }

            previousOwner = owner;
            int? recordTtl = null;
            string? badClass = null;
            for (var field = 0; field < 2 && next < tokens.Count && !tokens[next].Quoted; field++)
            {
                if (recordTtl is null && TryParseTtl(tokens[next].Raw, out var ttl))
                {
                    recordTtl = ttl;
                }
                else if (Classes.Contains(tokens[next].Raw) || tokens[next].Raw.StartsWith("CLASS", StringComparison.OrdinalIgnoreCase))
                {
                    badClass = tokens[next].Raw.Equals("IN", StringComparison.OrdinalIgnoreCase) ? null : tokens[next].Raw;
                }
                else
                {
                    break;
                }

                next++;
            }

            if (badClass is not null)
            {
                Problem($"class {badClass.ToUpperInvariant()}: only IN (the Internet) is served");
                continue;
            }

            if (next >= tokens.Count)
            {
                Problem("the record has no type");
                continue;
            }

            var typeToken = tokens[next].Raw;
            var type = RecordTypes.Normalize(typeToken);
            if (type is null)
            {
                Problem($"{typeToken} is not a record type this server serves ({string.Join(", ", RecordTypes.All)}; ALIAS also as the "
                    + "comment line '; ALIAS <name> <ttl> <target>' that the export writes)");
                continue;
            }

            if (recordTtl is not null)
            {
                lastTtl = recordTtl;
            }

            var rdata = tokens.Skip(next + 1).ToList();
            if (rdata.Count == 0)
            {
                Problem($"the {type} record has no data");
                continue;
            }

            switch (ZoneFileRdata.Content(type, rdata, origin))
            {
                case (string content, null):
                    entries.Add(new ZoneFileEntry(line.Line, owner, type, content, recordTtl ?? defaultTtl ?? lastTtl));
                    break;
                case (_, string reason):
                    Problem(reason);
                    break;
            }
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ParsedZoneFile(entries, problems);
    }

    /// <summary><c>@</c> is the origin; a name without a final (unescaped) dot is relative to it (RFC 1035 §5.1).</summary>
    public static string Qualify(string name, string origin)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(origin);

        if (name == "@")
        {
            return origin;
        }

        var absolute = name.EndsWith('.') && !(name.Length >= 2 && name[^2] == '\\' && !(name.Length >= 3 && name[^3] == '\\'));
        return absolute ? name : origin == "." ? name + "." : $"{name}.{origin}";
    }

    /// <summary>
    /// A TTL in seconds, or BIND's units (<c>1h30m</c>, <c>2d</c>, <c>1w</c>), which BIND and dnspython both read;
    /// the API's range (120-86400) is checked later, with the record.
    /// </summary>
    public static bool TryParseTtl(string text, out int ttl)
    {
        ArgumentNullException.ThrowIfNull(text);

        ttl = 0;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        long total = 0;
        long number = 0;
        var digits = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (c - '0');
                digits = true;
            }
            else if (digits && char.ToLowerInvariant(c) switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, 'w' => 604800, _ => 0 } is var unit and > 0)
            {
                total += number * unit;
                (number, digits) = (0, false);
            }
            else
            {
                return false;
            }

            if (number > int.MaxValue || total > int.MaxValue)
            {
                return false;
            }
        }

        total += number;
        if (total > int.MaxValue)
        {
            return false;
        }

        ttl = (int)total;
        return true;
    }

}
