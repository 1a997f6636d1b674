using System.Net;
using System.Text.Json;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>Reading responses as a client does: as JSON, by the documented field names.</summary>
public static class ApiResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"HTTP {(int)response.StatusCode} with a body that is not JSON: {body}");
        }
    }

    /// <summary>Asserts the status and the error envelope's code; returns the envelope's "error" object.</summary>
    public static async Task<JsonElement> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var json = await response.JsonAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {json}");
        Assert.Equal("error", json.GetProperty("status").GetString());
        var error = json.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.True(response.Headers.Contains("X-Request-ID"), "every response carries X-Request-ID");
        return error;
    }

    /// <summary>Asserts the status and the success envelope; returns its "data" object.</summary>
    public static async Task<JsonElement> AssertSuccessAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var json = await response.JsonAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {json}");
        Assert.Equal("success", json.GetProperty("status").GetString());
        return json.GetProperty("data");
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static string[] Fields(this JsonElement error) =>
        error.TryGetProperty("details", out var details) ? [.. details.EnumerateArray().Select(d => d.Str("field"))] : [];
}
