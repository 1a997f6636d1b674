using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>
/// Reads a set of stored records (from any number of zones) and lists every way they break the rules of
/// the records spec: what the API must never let exist, however requests race.
/// </summary>
public static class DnsRuleViolations
{
    public const int MaxChainHops = 8;

    public static List<string> Find(IEnumerable<JsonElement> records)
    {
        var all = records.ToList();
        var violations = new List<string>();
        foreach (var byName in all.GroupBy(r => r.Str("name")))
        {
            var types = byName.Select(r => r.Str("type")).ToList();
            var cnames = types.Count(t => t == "CNAME");
            var aliases = types.Count(t => t == "ALIAS");
            if (cnames > 1)
            {
                violations.Add($"{byName.Key} holds {cnames} CNAMEs");
            }

            if (cnames > 0 && types.Any(t => t != "CNAME"))
            {
                violations.Add($"{byName.Key} holds a CNAME and {string.Join(", ", types.Where(t => t != "CNAME"))}");
            }

            if (aliases > 1)
            {
                violations.Add($"{byName.Key} holds {aliases} ALIASes");
            }

            if (aliases > 0 && types.Any(t => t is "A" or "AAAA"))
            {
                violations.Add($"{byName.Key} holds an ALIAS beside {string.Join(", ", types.Where(t => t is "A" or "AAAA"))}");
            }
        }

        var cnameNames = all.Where(r => r.Str("type") == "CNAME").Select(r => r.Str("name")).ToHashSet();
        foreach (var record in all)
        {
            if (TargetOf(record) is { } target && record.Str("type") is "MX" or "NS" or "SRV" && cnameNames.Contains(target))
            {
                violations.Add($"{record.Str("type")} at {record.Str("name")} targets {target}, which holds a CNAME");
            }
        }

        violations.AddRange(AliasGraphViolations(all));
        return violations;
    }

    /// <summary>The host a record points at (MX and NS content, SRV's fourth field, CNAME and ALIAS content).</summary>
    public static string? TargetOf(JsonElement record) => record.Str("type") switch
    {
        "CNAME" or "ALIAS" or "MX" or "NS" => record.Str("content"),
        "SRV" => record.Str("content").Split(' ')[3],
        _ => null,
    };

    // Follows CNAME/ALIAS edges from every name: a loop, or a chain of more than eight hops, is a violation.
    private static IEnumerable<string> AliasGraphViolations(List<JsonElement> all)
    {
        var edges = all.Where(r => r.Str("type") is "CNAME" or "ALIAS")
            .GroupBy(r => r.Str("name"))
            .ToDictionary(g => g.Key, g => g.First().Str("content"));
        foreach (var start in edges.Keys)
        {
            var seen = new HashSet<string> { start };
            var hops = 0;
            for (var name = start; edges.TryGetValue(name, out var next); name = next)
            {
                hops++;
                if (!seen.Add(next))
                {
                    yield return $"the CNAME/ALIAS chain from {start} loops at {next}";
                    break;
                }
            }

            if (hops > MaxChainHops)
            {
                yield return $"the CNAME/ALIAS chain from {start} has {hops} hops";
            }
        }
    }
}
