using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Batch;

/// <summary>Batch operations as a client writes them, and POST /v1/zones/{zone_id}/records/batch over HTTP.</summary>
public static class Batches
{
    // Fields the test leaves out are left out of the body, not sent as null.
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static object Create(string name, string type, string content, int? ttl = null, int? priority = null, bool? disabled = null) =>
        new Operation("create", null, new Value(name, type, content, ttl, priority, disabled));

    public static object Update(string id, string name, string type, string content, int? ttl = null, bool? disabled = null) =>
        new Operation("update", id, new Value(name, type, content, ttl, null, disabled));

    public static object Delete(string id) => new Operation("delete", id, null);

    public static string BatchPath(this TestZone zone) => zone.RecordsPath + "/batch";

    public static Task<HttpResponseMessage> BatchAsync(this TestZone zone, params object[] operations) =>
        zone.Http.PostAsJsonAsync(zone.BatchPath(), new { operations }, BodyJson);

    /// <summary>Posts a batch, asserts 200 and returns <c>data.results</c>.</summary>
    public static async Task<JsonElement[]> ApplyAsync(this TestZone zone, params object[] operations)
    {
        var data = await (await zone.BatchAsync(operations)).AssertSuccessAsync(HttpStatusCode.OK);
        var results = data.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(operations.Length, results.Length);
        return results;
    }

    /// <summary>An operation with each {zone} in it replaced by the zone's name, for test data written before the zone exists.</summary>
    public static JsonElement ForZone(object operation, TestZone zone) => JsonSerializer.Deserialize<JsonElement>(
        JsonSerializer.Serialize(operation, operation.GetType(), BodyJson).Replace("{zone}", zone.Name, StringComparison.Ordinal));

    /// <summary>The (field, reason) pairs of an error's details, in order.</summary>
    public static (string Field, string Reason)[] Details(this JsonElement error) =>
        [.. error.GetProperty("details").EnumerateArray().Select(d => (d.Str("field"), d.Str("reason")))];

    /// <summary>The id of the one record of that name and type.</summary>
    public static async Task<string> IdOfAsync(this TestZone zone, string name, string type) =>
        (await zone.SingleRecordAsync(zone.Fqdn(name), type)).Str("id");

    private sealed record Operation(string Action, string? Id, Value? Record);

    private sealed record Value(string Name, string Type, string Content, int? Ttl, int? Priority, bool? Disabled);
}
