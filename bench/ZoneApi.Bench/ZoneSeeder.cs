using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ZoneApi.Bench;

/// <summary>A zone made through the API, and how many records it holds (the apex SOA and NS included).</summary>
public sealed record SeededZone(Guid Id, string Name, int Total);

/// <summary>Creates zones and their records through the public API, as a customer would.</summary>
public sealed class ZoneSeeder(HttpClient client)
{
    // Several writers at once, as an importing client would; each create locks its zone's row, so more would only queue.
    private const int Writers = 4;

    /// <summary>Creates the zone, then records until the zone holds exactly <paramref name="total"/> (the apex records count).</summary>
    public async Task<SeededZone> CreateZoneAsync(string name, int total, CancellationToken ct)
    {
        var created = await SendAsync(HttpMethod.Post, "/v1/zones", new { name }, HttpStatusCode.Created, ct);
        var id = created.GetProperty("zone").GetProperty("id").GetGuid();
        var apex = (await SendAsync(HttpMethod.Get, $"/v1/zones/{id}/records?limit=1", null, HttpStatusCode.OK, ct))
            .GetProperty("pagination").GetProperty("total").GetInt32();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, total - apex),
            new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = ct },
            async (i, token) => await SendAsync(HttpMethod.Post, $"/v1/zones/{id}/records", Record(i, name), HttpStatusCode.Created, token));

        var stored = (await SendAsync(HttpMethod.Get, $"/v1/zones/{id}/records?limit=1", null, HttpStatusCode.OK, ct))
            .GetProperty("pagination").GetProperty("total").GetInt32();
        return stored == total
            ? new SeededZone(id, name, total)
            : throw new BenchSetupException($"zone {name} reports {stored} records after seeding, expected {total}");
    }

    /// <summary>
    /// A mix of A, TXT, CNAME and MX under distinct names (so no CNAME shares a name with anything), in an
    /// order that differs from the listing order: names sort as text ("a-10" before "a-9"), not by creation.
    /// </summary>
    private static object Record(int i, string zone) => (i % 4) switch
    {
        0 => new { name = Label("host", i), type = "A", content = Address(i), ttl = 3600 },
        1 => new { name = Label("txt", i), type = "TXT", content = $"\"bench record {i} v=spf1 -all\"", ttl = 300 },
        // Points at an A record of the same zone, which exists: no TARGET_DOES_NOT_RESOLVE warning.
        2 => new { name = Label("www", i), type = "CNAME", content = $"{Label("host", i - 2)}.{zone}.", ttl = 3600 },
        _ => new { name = Label("mail", i), type = "MX", content = $"mx{i % 7}.mail.example.net.", priority = 10 + (i % 3), ttl = 3600 },
    };

    private static string Label(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}");

    private static string Address(int i) => string.Create(CultureInfo.InvariantCulture, $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
        {
            throw new BenchSetupException(
                $"{method} {path} {JsonSerializer.Serialize(body)} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("data").Clone();
    }
}

/// <summary>The benchmark cannot measure anything meaningful: the setup or a sanity check failed.</summary>
public sealed class BenchSetupException(string message) : Exception(message);
