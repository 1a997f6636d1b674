using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Tenancy;

/// <summary>
/// Data one customer keeps to itself, placed where the other customer's rule checks would trip over it if they
/// looked: names that sort before the other's, records pointing at the names the other's writes use, disabled
/// records, secret-looking values. And the check that a response shows none of it.
/// </summary>
public static class TenantSecrets
{
    /// <summary>The names in the other customer's zone that the isolation cases write at or point to.</summary>
    public static readonly string[] NamesOfTheOther = ["target", "newcdn", "c1", "loop-a", "back", "end", "host", "www"];

    /// <summary>
    /// Stores the holder's secrets. Owner names start with "0", so they sort before every name of the other
    /// customer: a rule that picked the first record by name across customers would pick one of these.
    /// </summary>
    public static async Task SeedAsync(Tenant holder, Tenant other)
    {
        var zone = holder.Zone;
        var token = Guid.NewGuid().ToString("N")[..10];
        await AddAsync(zone, "0hidden", "CNAME", $"internal-only-{token}.corp.example.", disabled: true);
        await AddAsync(zone, "0hush-txt", "TXT", $"google-site-verification=hush{token}");
        await AddAsync(zone, "0hush-host", "A", "198.51.100.77", disabled: true);
        foreach (var (label, i) in NamesOfTheOther.Select((label, i) => (label, i)))
        {
            var target = other.Zone.Fqdn(label);
            await AddAsync(zone, $"0hush-mx{i}", "MX", target, priority: 10, disabled: i % 2 == 0);
            await AddAsync(zone, $"0hush-ns{i}", "NS", target);
            await AddAsync(zone, $"_sip._tcp.0hush-srv{i}", "SRV", $"10 5 5060 {target}");
            await AddAsync(zone, $"0hush-alias{i}", "CNAME", target, disabled: i % 2 == 1);
        }
    }

    /// <summary>
    /// Asserts that <paramref name="body"/> (the other customer's whole response) holds no name or value the
    /// holder stores, except what the other customer sent itself (<paramref name="sent"/>) and its own names.
    /// </summary>
    public static async Task AssertNoneInAsync(string body, Tenant holder, Tenant reader, string sent)
    {
        var stored = await holder.Zone.RecordsAsync();
        // The SOA and the apex NS records hold the server's own names, the same in every zone; their names are the apex.
        var secrets = stored.SelectMany(r => new[] { r.Str("name"), r.Str("id") })
            .Concat(stored.Where(r => !(r.Str("name") == holder.Zone.Apex && r.Str("type") is "SOA" or "NS")).Select(r => r.Str("content")))
            .Select(s => s.TrimEnd('.'))
            .Where(s => !s.Contains(reader.Zone.Name, StringComparison.OrdinalIgnoreCase)
                && !sent.Contains(s, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();

        Assert.True(secrets.Count > 10, $"too few secrets to look for: {string.Join(", ", secrets)}");
        var shown = secrets.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(shown.Count == 0, $"the response shows another customer's data ({string.Join(", ", shown)}): {body}");
    }

    private static async Task AddAsync(TestZone zone, string name, string type, string content, int? priority = null, bool? disabled = null)
    {
        var response = await zone.PostAsync(name, type, content, priority, disabled: disabled);
        await response.AssertSuccessAsync(HttpStatusCode.Created);
    }
}
