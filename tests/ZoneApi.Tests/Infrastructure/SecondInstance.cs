using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// One more API instance, on Kestrel, against a database another instance already uses, with settings of the
/// test's choosing: what an operator gets by running a second replica, or by restarting with new settings.
/// </summary>
public sealed class SecondInstance : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly (string Key, string Value)[] _settings;

    public SecondInstance(string connectionString, params (string Key, string Value)[] settings)
    {
        _connectionString = connectionString;
        _settings = settings;
        UseKestrel(0);
        StartServer();
    }

    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Zones", _connectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
