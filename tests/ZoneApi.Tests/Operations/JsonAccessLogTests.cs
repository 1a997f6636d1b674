using System.Net;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Operations;

public sealed class JsonAccessLogTests(JsonLogApiFactory api) : IClassFixture<JsonLogApiFactory>
{
    [Fact]
    public async Task Request_WritesOneJsonObjectWithTheFieldsAndTheRequestIdScope()
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.GetAsync("/v1/zones?limit=5");
        var requestId = response.Headers.GetValues("X-Request-ID").Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = await AccessLog.LinesOfAsync(api.Console, requestId, l => l.Contains(AccessLog.Category, StringComparison.Ordinal));
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList(); // every line is a whole JSON object
        var entry = Assert.Single(entries, e => e.Str("Category") == AccessLog.Category);
        Assert.Equal("Information", entry.Str("LogLevel"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", entry.Str("Timestamp"));
        var state = entry.GetProperty("State");
        Assert.Equal("GET", state.Str("Method"));
        Assert.Equal("/v1/zones", state.Str("Route"));
        Assert.Equal(200, state.GetProperty("StatusCode").GetInt32());
        Assert.Equal(requestId, state.Str("RequestId"));
        Assert.Matches("^[0-9a-f-]{36}$", state.Str("CustomerId"));
        Assert.NotEqual("-", state.Str("KeyId"));
        Assert.Equal("127.0.0.1", state.Str("ClientAddress"));
        Assert.True(state.GetProperty("DurationMs").GetDouble() >= 0);
        // The hosting scope carries the request id, so other lines of the request have it too.
        Assert.Contains(entry.GetProperty("Scopes").EnumerateArray(), s => s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("RequestId", out var id) && id.GetString() == requestId);
        Assert.All(api.Console.Lines, l => Assert.DoesNotContain(ZoneApiFactory.BootstrapKey, l));
    }
}
