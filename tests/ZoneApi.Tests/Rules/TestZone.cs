using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>A zone made for one test, with the record calls the rule tests send through HTTP.</summary>
public sealed class TestZone
{
    // Optional fields the test leaves out are left out of the body, not sent as null.
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _client;

    private TestZone(HttpClient client, string id, string name)
    {
        _client = client;
        Id = id;
        Name = name;
    }

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

    /// <summary>The absolute name of a relative one: <c>www</c> → <c>www.z….example.</c>, <c>@</c> → the apex.</summary>
    public string Fqdn(string relative) => relative == "@" ? Apex : $"{relative}.{Apex}";

    public Task<HttpResponseMessage> PostAsync(
        string name, string type, string content, int? priority = null, int? ttl = null, string? comment = null, bool? disabled = null) =>
        _client.PostAsJsonAsync(RecordsPath, new { name, type, content, priority, ttl, comment, disabled }, BodyJson);

    /// <summary>Creates a record the rules allow; returns the response's <c>data</c> (record, and warnings if any).</summary>
    public async Task<JsonElement> AddAsync(string name, string type, string content, int? priority = null)
    {
        var response = await PostAsync(name, type, content, priority);
        return await response.AssertSuccessAsync(HttpStatusCode.Created);
    }

    /// <summary>Like <see cref="AddAsync"/>, returning the record only.</summary>
    public async Task<JsonElement> AddRecordAsync(string name, string type, string content, int? priority = null) =>
        (await AddAsync(name, type, content, priority)).GetProperty("record");

    public Task<HttpResponseMessage> GetAsync(string recordId) =>
        _client.GetAsync($"{RecordsPath}/{Uri.EscapeDataString(recordId)}");

    public Task<HttpResponseMessage> PutAsync(
        string recordId, string name, string type, string content, int? priority = null, int? ttl = null, string? comment = null) =>
        _client.PutAsJsonAsync($"{RecordsPath}/{Uri.EscapeDataString(recordId)}", new { name, type, content, priority, ttl, comment }, BodyJson);

    public Task<HttpResponseMessage> PutByNameAsync(
        string name, string type, string? oldContent, string content, int? priority = null, int? ttl = null, string? comment = null) =>
        _client.PutAsJsonAsync(ByNamePath(name, type, oldContent), new { content, priority, ttl, comment }, BodyJson);

    public Task<HttpResponseMessage> DeleteAsync(string recordId) =>
        _client.DeleteAsync($"{RecordsPath}/{Uri.EscapeDataString(recordId)}");

    public Task<HttpResponseMessage> DeleteByNameAsync(string name, string type, string? content = null) =>
        _client.DeleteAsync(ByNamePath(name, type, content));

    public async Task<JsonElement[]> RecordsAsync()
    {
        var response = await _client.GetAsync(RecordsPath + "?limit=1000");

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        return [.. data.GetProperty("records").EnumerateArray()];
    }

    /// <summary>The one record of that name and type; fails when there is none or more than one.</summary>
    public async Task<JsonElement> SingleRecordAsync(string name, string type) =>
        Assert.Single(await RecordsAsync(), r => r.Str("name") == name && r.Str("type") == type);

    /// <summary>The zone's whole record list, SOA and apex NS included, as the API returns it.</summary>
    public async Task<string> SnapshotAsync()
    {
        var response = await _client.GetAsync(RecordsPath + "?limit=1000");

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        return data.GetProperty("records").GetRawText();
    }

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

    /// <summary>The serial, the SOA content's third field (RFC 1035 §3.3.13).</summary>
    public static long SerialOf(string snapshot)
    {
        using var records = JsonDocument.Parse(snapshot);
        var soa = Assert.Single(records.RootElement.EnumerateArray(), r => r.Str("type") == "SOA");
        return long.Parse(soa.Str("content").Split(' ')[2], CultureInfo.InvariantCulture);
    }

    private string ByNamePath(string name, string type, string? content) =>
        $"{RecordsPath}/by-name/{Uri.EscapeDataString(name)}/{type}"
        + (content is null ? "" : "?content=" + Uri.EscapeDataString(content));
}
