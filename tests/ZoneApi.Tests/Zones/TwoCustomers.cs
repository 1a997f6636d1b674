using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

/// <summary>Two fresh customers of one test app, A and B, each with its own key; and zone creation through HTTP.</summary>
public sealed class TwoCustomers(HttpClient a, HttpClient b) : IDisposable
{
    public HttpClient A => a;

    public HttpClient B => b;

    public static async Task<TwoCustomers> CreateAsync(ZoneApiFactory api) =>
        new(await CustomerAsync(api, "a"), await CustomerAsync(api, "b"));

    /// <summary>A client for a customer no other test uses.</summary>
    public static async Task<HttpClient> CustomerAsync(ZoneApiFactory api, string prefix) =>
        api.CreateClientWithKey(await api.CreateKeyAsync(prefix + Guid.NewGuid().ToString("N")[..12]));

    public static Task<HttpResponseMessage> PostZoneAsync(HttpClient client, string name) =>
        client.PostAsJsonAsync("/v1/zones", new { name });

    /// <summary>Creates a zone, asserts 201 and returns <c>data.zone</c>.</summary>
    public static async Task<JsonElement> CreateZoneAsync(HttpClient client, string name) =>
        (await (await PostZoneAsync(client, name)).AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");

    public void Dispose()
    {
        a.Dispose();
        b.Dispose();
    }
}
