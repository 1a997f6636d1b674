using System.Net;
using System.Text.Json;

namespace ZoneApi.Tests.Records;

/// <summary>Assertions about record objects and record responses that several test classes share.</summary>
public static class RecordAssert
{
    public const string IdPattern = "^[A-Za-z0-9_-]{43}$";

    public static string[] PropertyNames(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>The documented field order; priority only for MX and SRV, comment only when set.</summary>
    public static void HasRecordShape(JsonElement record)
    {
        var type = record.GetProperty("type").GetString();
        var expected = new List<string> { "id", "name", "type", "content", "ttl" };
        if (type is "MX" or "SRV")
        {
            expected.Add("priority");
        }

        expected.Add("disabled");
        if (record.TryGetProperty("comment", out _))
        {
            expected.Add("comment");
        }

        Assert.Equal(expected, PropertyNames(record));
        Assert.Matches(IdPattern, record.GetProperty("id").GetString());
    }

    /// <summary>204 with an empty body.</summary>
    public static async Task NoContentAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"expected 204, got {(int)response.StatusCode}: {body}");
        Assert.Equal("", body);
    }

    /// <summary>The warning codes of a write's <c>data</c>; empty when the array is absent.</summary>
    public static string[] WarningCodes(JsonElement data) =>
        data.TryGetProperty("warnings", out var warnings)
            ? [.. warnings.EnumerateArray().Select(w => w.GetProperty("code").GetString()!)]
            : [];
}
