using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Tenancy;

/// <summary>A customer of its own, with a key and one zone, as a second customer of the server would be.</summary>
public sealed class Tenant : IDisposable
{
    private Tenant(HttpClient client, TestZone zone)
    {
        Client = client;
        Zone = zone;
    }

    public HttpClient Client { get; }

    public TestZone Zone { get; }

    /// <summary>
    /// A new customer whose zone name starts with <paramref name="prefix"/>. Two tenants get sibling zones
    /// (a….example, b….example): neither may hold a zone inside the other's.
    /// </summary>
    public static async Task<Tenant> CreateAsync(ZoneApiFactory api, string prefix)
    {
        var client = api.CreateClientWithKey(await api.CreateKeyAsync($"{prefix}-customer-{Guid.NewGuid():N}"[..24]));
        return new Tenant(client, await TestZone.CreateAsync(client, prefix));
    }

    public void Dispose() => Client.Dispose();
}
