using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ZoneApi.Tests.Resilience;

/// <summary>One call to every route of the API, against a zone and a record that exist, timed.</summary>
public sealed class EveryRoute(HttpClient keyed, HttpClient anonymous, string zoneId, string zoneName, string recordId)
{
    public sealed record Answer(string Route, HttpResponseMessage Response, TimeSpan Elapsed);

    /// <summary>Every route at once, as concurrent clients would call them.</summary>
    public async Task<Answer[]> CallAllAsync()
    {
        var records = $"/v1/zones/{zoneId}/records";
        var record = $"{records}/{Uri.EscapeDataString(recordId)}";
        var byName = $"{records}/by-name/www/A";
        var calls = new (string Route, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("GET /v1/health", () => anonymous.GetAsync("/v1/health")),
            ("GET /v1/zones", () => keyed.GetAsync("/v1/zones")),
            ("POST /v1/zones", () => keyed.PostAsJsonAsync("/v1/zones", new { name = $"n{Guid.NewGuid():N}.example" })),
            ("GET /v1/zones/{id}", () => keyed.GetAsync($"/v1/zones/{zoneId}")),
            ("PUT /v1/zones/{id}", () => keyed.PutAsJsonAsync($"/v1/zones/{zoneId}", new { name = zoneName })),
            ("DELETE /v1/zones/{id}", () => keyed.DeleteAsync($"/v1/zones/{zoneId}")),
            ("GET records", () => keyed.GetAsync(records)),
            ("POST records", () => keyed.PostAsJsonAsync(records, new { name = "api", type = "CNAME", content = "target.example.net." })),
            ("GET record", () => keyed.GetAsync(record)),
            ("PUT record", () => keyed.PutAsJsonAsync(record, new { name = "www", type = "A", content = "192.0.2.99" })),
            ("DELETE record", () => keyed.DeleteAsync(record)),
            // A by-name PUT names the record in its path; a body with name or type is 400 before any database work.
            ("PUT by-name", () => keyed.PutAsJsonAsync(byName, new { content = "192.0.2.98" })),
            ("DELETE by-name", () => keyed.DeleteAsync(byName)),
        };
        return await Task.WhenAll(calls.Select(async c =>
        {
            var stopwatch = Stopwatch.StartNew();
            var response = await c.Call();
            await response.Content.LoadIntoBufferAsync();
            return new Answer(c.Route, response, stopwatch.Elapsed);
        }));
    }

    /// <summary>Asserts every answer is 503 SERVICE_UNAVAILABLE in the envelope, with Retry-After, within the bound.</summary>
    public static async Task AssertAllUnavailableAsync(Answer[] answers, TimeSpan bound)
    {
        foreach (var answer in answers)
        {
            var body = await answer.Response.Content.ReadAsStringAsync();
            Assert.True(answer.Response.StatusCode == HttpStatusCode.ServiceUnavailable,
                $"{answer.Route}: expected 503, got {(int)answer.Response.StatusCode} {body}");
            Assert.Contains("\"code\":\"SERVICE_UNAVAILABLE\"", body, StringComparison.Ordinal);
            var retryAfter = answer.Response.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"{answer.Route}: Retry-After is {answer.Response.Headers.RetryAfter}");
            Assert.True(answer.Elapsed <= bound, $"{answer.Route}: answered after {answer.Elapsed.TotalSeconds:0.0} s, over {bound.TotalSeconds} s");
        }
    }
}
