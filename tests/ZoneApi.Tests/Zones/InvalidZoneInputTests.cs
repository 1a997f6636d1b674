using System.Net;
using System.Net.Http.Json;
using System.Text;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

/// <summary>Bad input on every zone route: a 4xx envelope, never a 500, and nothing left behind.</summary>
public sealed class InvalidZoneInputTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string> InvalidNames => new()
    {
        "",
        "com",
        ".",
        "example..com",
        ".example.com",
        "-example.com",
        "example-.com",
        "exa mple.com",
        "ex_ample.com",
        "*.example.com",
        "192.0.2.1",
        "example.123",
        new string('a', 64) + ".com",
        string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".com",
        new string('x', 20_000),
        "'; DROP TABLE zones; --",
        "example.com'); DELETE FROM zones; --",
        "\u0000.com",
        "exa\u200Bmple.com\n",
        "💥💥💥",
        "example.com..",
    };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task Create_InvalidName_Returns400WithNameDetailAndStoresNothing(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM zones");

        var response = await client.PostAsJsonAsync("/v1/zones", new { name });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["name"], error.Fields());
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM zones"));
    }

    [Theory]
    [InlineData("{\"name\":", "INVALID_JSON")]
    [InlineData("not json at all", "INVALID_JSON")]
    [InlineData("[]", "INVALID_JSON")]
    [InlineData("\"example.com\"", "INVALID_JSON")]
    [InlineData("null", "INVALID_JSON")]
    [InlineData("{\"name\":123}", "INVALID_JSON")]
    [InlineData("{\"name\":[\"a.com\"]}", "INVALID_JSON")]
    [InlineData("{\"name\":{\"$gt\":\"\"}}", "INVALID_JSON")]
    [InlineData("{\"name\":\"x.example\",\"unknown\":true}", "INVALID_JSON")]
    [InlineData("{\"name\":\"x.example\",\"name\":\"y.example\"}", "INVALID_JSON")]
    [InlineData("{\"name\":\"x.example\",\"type\":7}", "INVALID_JSON")]
    [InlineData("{}", "VALIDATION_ERROR")]
    [InlineData("{\"name\":null}", "VALIDATION_ERROR")]
    [InlineData("{\"name\":\"x.example\",\"type\":\"hidden\"}", "VALIDATION_ERROR")]
    [InlineData("{\"name\":\"x.example\",\"region\":\"MARS\"}", "VALIDATION_ERROR")]
    [InlineData("{\"name\":\"x.example\",\"status\":\"deleted\"}", "VALIDATION_ERROR")]
    public async Task Create_MalformedBody_Returns400Envelope(string body, string code)
    {
        using var client = api.CreateAuthenticatedClient();
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM zones");

        var response = await client.PostAsync("/v1/zones", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM zones"));
    }

    [Fact]
    public async Task Create_EmptyBody_Returns400InvalidJson()
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.PostAsync("/v1/zones", new StringContent("", Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Create_WrongContentType_Returns415(string contentType)
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.PostAsync("/v1/zones", new StringContent("{\"name\":\"a.example\"}", Encoding.UTF8, contentType));

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task Create_BodyOverTheLimit_Returns413()
    {
        using var client = api.CreateAuthenticatedClient();
        var body = "{\"name\":\"" + new string('a', 200_000) + "\"}";

        var response = await client.PostAsync("/v1/zones", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    [Theory]
    [InlineData("GET", "/v1/zones/not-a-uuid")]
    [InlineData("PUT", "/v1/zones/12345")]
    [InlineData("DELETE", "/v1/zones/'%20OR%201=1--")]
    [InlineData("GET", "/v1/zones/%F0%9F%92%A5")]
    [InlineData("GET", "/v1/zones/01a1fdac6d547a309116e7d50e7e0586")]
    public async Task ZoneRoute_WithNonUuidId_Returns400InvalidZoneId(string method, string path)
    {
        using var client = api.CreateAuthenticatedClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(new { name = "a.example" });
        }

        var response = await client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ZONE_ID");
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-5")]
    [InlineData("offset=-1")]
    [InlineData("limit=abc")]
    [InlineData("limit=1.5")]
    [InlineData("offset=99999999999999")]
    [InlineData("limit=%27%20OR%201%3D1")]
    public async Task List_InvalidPaging_Returns400ValidationError(string query)
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.GetAsync($"/v1/zones?{query}");

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Single(error.Fields(), f => f is "limit" or "offset");
    }

    [Fact]
    public async Task Update_MalformedBody_Returns400AndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone();
        var zone = (await (await client.PostAsJsonAsync("/v1/zones", new { name })).AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        var path = $"/v1/zones/{zone.Str("id")}";

        var responses = new[]
        {
            await client.PutAsync(path, new StringContent("{\"name\":", Encoding.UTF8, "application/json")),
            await client.PutAsync(path, new StringContent($"{{\"name\":\"{name}\",\"status\":false}}", Encoding.UTF8, "application/json")),
            await client.PutAsJsonAsync(path, new { name, region = "ATLANTIS" }),
            await client.PutAsJsonAsync(path, new { status = "paused" }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var after = (await (await client.GetAsync(path)).AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("zone");
        Assert.Equal(zone.ToString(), after.ToString());
    }
}
