using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// A zone made for one test, and the record routes under it, called over HTTP as a client would. Writes take
/// the fields as arguments (fields left null are left out of the body), or a body of the test's own (an
/// anonymous object sent as it is, nulls included, or raw JSON) for requests a typed call could not make.
/// </summary>
public sealed class TestZone
{
    // Optional fields the test leaves out are left out of the body, not sent as null.
    private static readonly JsonSerializerOptions FieldsJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private TestZone(HttpClient http, string id, string name)
    {
        Http = http;
        Id = id;
        Name = name;
    }

    public HttpClient Http { get; }

    public string Id { get; }

    /// <summary>As the API returns it: lower-case, without the trailing dot.</summary>
    public string Name { get; }

    /// <summary>The apex as record names show it: <c>z….example.</c>.</summary>
    public string Apex => Name + ".";

    public string RecordsPath => $"/v1/zones/{Id}/records";

    /// <summary>Creates a zone with a fresh name (starting with <paramref name="prefix"/>), owned by the customer of the client's key.</summary>
    public static async Task<TestZone> CreateAsync(HttpClient client, string prefix = "z")
    {
        var response = await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone(prefix) });

        var zone = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        return Open(client, zone);
    }

    /// <summary>A zone the test created itself, from the <c>zone</c> object of the API's answer.</summary>
    public static TestZone Open(HttpClient client, JsonElement zone) => new(client, zone.Str("id"), zone.Str("name"));

    /// <summary>The same zone, addressed with another client's key (to try another customer's zone id).</summary>
    public TestZone WithClient(HttpClient client) => new(client, Id, Name);

    /// <summary>Pauses or resumes the zone (PUT /v1/zones/{id} with its name and <paramref name="status"/>), asserting 200.</summary>
    public async Task SetStatusAsync(string status)
    {
        var response = await Http.PutAsJsonAsync($"/v1/zones/{Id}", new { name = Name, status });
        await response.AssertSuccessAsync(HttpStatusCode.OK);
    }

    /// <summary>The absolute name of a relative one: <c>www</c> → <c>www.z….example.</c>, <c>@</c> → the apex.</summary>
    public string Fqdn(string relative) => relative == "@" ? Apex : $"{relative}.{Apex}";

    public Task<HttpResponseMessage> PostAsync(
        string name, string type, string content, int? priority = null, int? ttl = null, string? comment = null, bool? disabled = null) =>
        Http.PostAsJsonAsync(RecordsPath, new { name, type, content, priority, ttl, comment, disabled }, FieldsJson);

    public Task<HttpResponseMessage> PostAsync(object body) => Http.PostAsJsonAsync(RecordsPath, body);

    public Task<HttpResponseMessage> PostJsonAsync(string json) =>
        Http.PostAsync(RecordsPath, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Creates a record the rules allow; returns the response's <c>data</c> (record, and warnings if any).</summary>
    public async Task<JsonElement> AddAsync(string name, string type, string content, int? priority = null, int? ttl = null)
    {
        var response = await PostAsync(name, type, content, priority, ttl);
        return await response.AssertSuccessAsync(HttpStatusCode.Created);
    }

    /// <summary>Like <see cref="AddAsync"/>, returning the record only.</summary>
    public async Task<JsonElement> AddRecordAsync(string name, string type, string content, int? priority = null, int? ttl = null) =>
        (await AddAsync(name, type, content, priority, ttl)).GetProperty("record");

    /// <summary>Posts a body of the test's own, asserts 201 and returns <c>data.record</c>.</summary>
    public async Task<JsonElement> AddRecordAsync(object body) =>
        (await (await PostAsync(body)).AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("record");

    public Task<HttpResponseMessage> GetAsync(string recordId) => Http.GetAsync($"{RecordsPath}/{Uri.EscapeDataString(recordId)}");

    /// <summary>GET by id, asserts 200 and returns <c>data.record</c>.</summary>
    public async Task<JsonElement> GetRecordAsync(string recordId) =>
        (await (await GetAsync(recordId)).AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");

    public Task<HttpResponseMessage> PutAsync(
        string recordId, string name, string type, string content, int? priority = null, int? ttl = null, string? comment = null) =>
        Http.PutAsJsonAsync($"{RecordsPath}/{Uri.EscapeDataString(recordId)}", new { name, type, content, priority, ttl, comment }, FieldsJson);

    public Task<HttpResponseMessage> PutAsync(string recordId, object body) =>
        Http.PutAsJsonAsync($"{RecordsPath}/{Uri.EscapeDataString(recordId)}", body);

    /// <summary>PUT by name and type; <paramref name="oldContent"/> (<c>?content=</c>) picks one value of several.</summary>
    public Task<HttpResponseMessage> PutByNameAsync(
        string name, string type, string? oldContent, string content, int? priority = null, int? ttl = null, string? comment = null) =>
        Http.PutAsJsonAsync(ByNamePath(name, type, oldContent), new { content, priority, ttl, comment }, FieldsJson);

    /// <summary>PUT by name and type with a body of the test's own; <paramref name="oldContent"/> as above.</summary>
    public Task<HttpResponseMessage> PutByNameAsync(string name, string type, object body, string? oldContent = null) =>
        Http.PutAsJsonAsync(ByNamePath(name, type, oldContent), body);

    public Task<HttpResponseMessage> DeleteAsync(string recordId) => Http.DeleteAsync($"{RecordsPath}/{Uri.EscapeDataString(recordId)}");

    public Task<HttpResponseMessage> DeleteByNameAsync(string name, string type, string? content = null) =>
        Http.DeleteAsync(ByNamePath(name, type, content));

    public string ByNamePath(string name, string type, string? content = null) =>
        $"{RecordsPath}/by-name/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(type)}"
        + (content is null ? "" : "?content=" + Uri.EscapeDataString(content));

    /// <summary>
    /// Sends the path and query exactly as written: HttpClient would otherwise decode percent-encoded
    /// unreserved characters (%2D, %2E, %41) before they reach the server.
    /// </summary>
    public Task<HttpResponseMessage> SendVerbatimAsync(HttpMethod method, string pathAndQuery, object? body = null)
    {
        var uri = new Uri(Http.BaseAddress!.GetLeftPart(UriPartial.Authority) + pathAndQuery,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    /// <summary>One page of the list; asserts 200 and returns <c>data</c>.</summary>
    public async Task<JsonElement> ListPageAsync(string query = "") =>
        await (await Http.GetAsync(RecordsPath + query)).AssertSuccessAsync(HttpStatusCode.OK);

    /// <summary>Every record of the zone (SOA and apex NS included), in list order, paging with limit=1000.</summary>
    public async Task<List<JsonElement>> RecordsAsync(string filter = "")
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

    /// <summary>The one record of that name and type; fails when there is none or more than one.</summary>
    public async Task<JsonElement> SingleRecordAsync(string name, string type) =>
        Assert.Single(await RecordsAsync(), r => r.Str("name") == name && r.Str("type") == type);

    /// <summary>The zone's whole record list as JSON text: equal snapshots mean nothing changed (every ttl, the SOA serial).</summary>
    public async Task<string> SnapshotAsync() => "[" + string.Join(',', (await RecordsAsync()).Select(r => r.GetRawText())) + "]";

    /// <summary>
    /// Asserts a refusal: status, code, a message, and that the zone is exactly as <paramref name="before"/>
    /// (every record, every ttl, the SOA serial). Returns the error message for the caller's checks.
    /// </summary>
    public async Task<string> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code, string before)
    {
        var error = await response.AssertErrorAsync(status, code);

        await AssertUnchangedAsync(before);
        return error.Str("message");
    }

    public async Task AssertUnchangedAsync(string before)
    {
        var after = await SnapshotAsync();

        Assert.True(SerialOf(before) == SerialOf(after), $"the SOA serial of {Name} moved from {SerialOf(before)} to {SerialOf(after)}");
        Assert.Equal(before, after);
    }

    /// <summary>The SOA serial now.</summary>
    public async Task<long> SoaSerialAsync() => SerialOf(await SnapshotAsync());

    /// <summary>The serial, the SOA content's third field (RFC 1035 §3.3.13).</summary>
    public static long SerialOf(string snapshot)
    {
        using var records = JsonDocument.Parse(snapshot);
        var soa = Assert.Single(records.RootElement.EnumerateArray(), r => r.Str("type") == "SOA");
        return long.Parse(soa.Str("content").Split(' ')[2], CultureInfo.InvariantCulture);
    }
}
