using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Servable;

/// <summary>What the servable-zone tests share: a second customer, and zones nested in a test's zone.</summary>
public static class ServableZones
{
    public static async Task<HttpClient> OtherCustomerClientAsync(ZoneApiFactory api) =>
        api.CreateClientWithKey(await api.CreateKeyAsync("other" + Guid.NewGuid().ToString("N")[..12]));

    /// <summary>Creates the zone <c>label.parent</c> for the same customer; fails unless the API answers 201.</summary>
    public static async Task<TestZone> CreateChildAsync(HttpClient client, TestZone parent, string label)
    {
        var response = await client.PostAsJsonAsync("/v1/zones", new { name = $"{label}.{parent.Name}" });

        var data = await response.AssertSuccessAsync(HttpStatusCode.Created);
        return TestZone.Open(client, data.GetProperty("zone"));
    }

    /// <summary>The NS records of every zone given whose target lies in the same zone, not delegated, and has no enabled address.</summary>
    public static List<string> NameserversWithoutAddress(TestZone zone, IReadOnlyList<System.Text.Json.JsonElement> records)
    {
        var addressed = records.Where(r => r.Str("type") is "A" or "AAAA" && !r.GetProperty("disabled").GetBoolean())
            .Select(r => r.Str("name")).ToHashSet();
        return [.. records
            .Where(r => r.Str("type") == "NS" && !r.GetProperty("disabled").GetBoolean())
            .Where(r => r.Str("content").EndsWith("." + zone.Apex, StringComparison.Ordinal) && !addressed.Contains(r.Str("content")))
            .Select(r => $"NS {r.Str("name")} → {r.Str("content")}")];
    }
}
