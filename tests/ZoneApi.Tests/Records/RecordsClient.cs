using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>One test zone and the record routes under it, called over HTTP as a client would.</summary>
public sealed class RecordsClient(HttpClient http, string zoneId, string zoneName)
{
    public HttpClient Http => http;

    public string ZoneId => zoneId;

    /// <summary>Lower-case, without the trailing dot, as the zones API returns it.</summary>
    public string ZoneName => zoneName;

    /// <summary>The apex as records name it: <c>zone.example.</c>.</summary>
    public string Apex => zoneName + ".";

    public string RecordsPath => $"/v1/zones/{zoneId}/records";

    /// <summary>The absolute owner name of a label in this zone, with the trailing dot.</summary>
    public string Fqdn(string label) => $"{label}.{zoneName}.";

    /// <summary>Creates a uniquely named zone through the API.</summary>
    public static async Task<RecordsClient> CreateZoneAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() });
        var zone = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        return new RecordsClient(http, zone.Str("id"), zone.Str("name"));
    }

    /// <summary>The same zone seen through another client (another key).</summary>
    public RecordsClient With(HttpClient other) => new(other, zoneId, zoneName);

    public Task<HttpResponseMessage> PostAsync(object body) => http.PostAsJsonAsync(RecordsPath, body);

    public Task<HttpResponseMessage> PostJsonAsync(string json) =>
        http.PostAsync(RecordsPath, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Posts a record, asserts 201 and returns <c>data.record</c>.</summary>
    public async Task<JsonElement> CreateAsync(object body)
    {
        var data = await (await PostAsync(body)).AssertSuccessAsync(HttpStatusCode.Created);
        return data.GetProperty("record");
    }

    public Task<JsonElement> CreateAsync(string name, string type, string content) => CreateAsync(new { name, type, content });

    public Task<JsonElement> CreateAsync(string name, string type, string content, int ttl) => CreateAsync(new { name, type, content, ttl });

    public Task<HttpResponseMessage> GetAsync(string id) => http.GetAsync($"{RecordsPath}/{Uri.EscapeDataString(id)}");

    /// <summary>GET by id, asserts 200 and returns <c>data.record</c>.</summary>
    public async Task<JsonElement> GetRecordAsync(string id) =>
        (await (await GetAsync(id)).AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");

    public Task<HttpResponseMessage> PutAsync(string id, object body) =>
        http.PutAsJsonAsync($"{RecordsPath}/{Uri.EscapeDataString(id)}", body);

    public Task<HttpResponseMessage> DeleteAsync(string id) => http.DeleteAsync($"{RecordsPath}/{Uri.EscapeDataString(id)}");

    public Task<HttpResponseMessage> PutByNameAsync(string name, string type, object body, string? content = null) =>
        http.PutAsJsonAsync(ByNamePath(name, type, content), body);

    public Task<HttpResponseMessage> DeleteByNameAsync(string name, string type, string? content = null) =>
        http.DeleteAsync(ByNamePath(name, type, content));

    public string ByNamePath(string name, string type, string? content = null) =>
        $"{RecordsPath}/by-name/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(type)}"
        + (content is null ? "" : "?content=" + Uri.EscapeDataString(content));

    /// <summary>
    /// Sends the path and query exactly as written: HttpClient would otherwise decode percent-encoded
    /// unreserved characters (%2D, %2E, %41) before they reach the server.
    /// </summary>
    public Task<HttpResponseMessage> SendVerbatimAsync(HttpMethod method, string pathAndQuery, object? body = null)
    {
        var uri = new Uri(http.BaseAddress!.GetLeftPart(UriPartial.Authority) + pathAndQuery,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return http.SendAsync(request);
    }

    /// <summary>One page of the list; asserts 200 and returns <c>data</c>.</summary>
    public async Task<JsonElement> ListPageAsync(string query = "") =>
        await (await http.GetAsync(RecordsPath + query)).AssertSuccessAsync(HttpStatusCode.OK);

    /// <summary>Every record of the zone, in list order, paging with limit=1000.</summary>
    public async Task<List<JsonElement>> ListAllAsync(string filter = "")
    {
        var records = new List<JsonElement>();
        for (var offset = 0; ;)
        {
            var data = await ListPageAsync($"?limit=1000&offset={offset}{filter}");
            var page = data.GetProperty("records").EnumerateArray().ToList();
            records.AddRange(page);
            if (!data.GetProperty("pagination").GetProperty("has_more").GetBoolean() || page.Count == 0)
            {
                return records;
            }

            offset += page.Count;
        }
    }

    /// <summary>The whole zone as text, one record per line: equal snapshots mean nothing changed (SOA serial included).</summary>
    public async Task<string> SnapshotAsync() => string.Join('\n', (await ListAllAsync()).Select(r => r.GetRawText()));

    /// <summary>The SOA serial: the third field of the SOA record's content in the list.</summary>
    public async Task<long> SoaSerialAsync()
    {
        var soa = Assert.Single(await ListAllAsync(), r => r.Str("type") == "SOA");
        return long.Parse(soa.Str("content").Split(' ')[2], CultureInfo.InvariantCulture);
    }
}
