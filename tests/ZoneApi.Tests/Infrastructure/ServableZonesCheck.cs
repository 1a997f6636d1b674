using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ZoneApi.Export;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// "Every zone the tests build passes named-checkzone -k fail" (issue 8), checked for every zone at once: when a
/// test app is disposed, each zone in its database is exported (the code behind GET /v1/zones/{id}/export) and
/// given to BIND. A refusal fails the test run, naming the zone and BIND's message; xunit reports it as the test
/// class's fixture failing to dispose. ZONEAPI_CHECK_ZONES=0 turns the check off.
/// </summary>
public static class ServableZonesCheck
{
    public const string Switch = "ZONEAPI_CHECK_ZONES";

    public static bool Enabled => Environment.GetEnvironmentVariable(Switch) != "0";

    /// <summary>One line of explanation per refused zone, empty when BIND loads them all.</summary>
    public static async Task<IReadOnlyList<string>> RefusalsAsync(ZoneApiFactory api)
    {
        ArgumentNullException.ThrowIfNull(api);

        if (!NamedCheckzone.IsInstalled())
        {
            return [$"{NamedCheckzone.Program} is not installed: apt-get install bind9utils (test.sh does), or set {Switch}=0 to skip the check"];
        }

        var zones = await ZonesAsync(api.ConnectionString);
        var refusals = new string?[zones.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, zones.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var (id, customerId, name) = zones[i];
            // Null when the zone was deleted since the listing.
            if (await ExportAsync(api, customerId, id) is { } file && await NamedCheckzone.RefusalAsync(name, file) is { } refusal)
            {
                refusals[i] = $"zone {name} ({id}) is refused by {NamedCheckzone.Program} -k fail:\n{refusal}\n--- the export ---\n{file}";
            }
        });
        return [.. refusals.OfType<string>()];
    }

    public static async Task<string?> ExportAsync(ZoneApiFactory api, Guid customerId, Guid zoneId)
    {
        ArgumentNullException.ThrowIfNull(api);

        await using var scope = api.Services.CreateAsyncScope();
        using var file = new MemoryStream();
        var found = await scope.ServiceProvider.GetRequiredService<ZoneExporter>().WriteAsync(customerId, zoneId, file, CancellationToken.None);
        return found ? Encoding.UTF8.GetString(file.ToArray()) : null;
    }

    private static async Task<List<(Guid Id, Guid CustomerId, string Name)>> ZonesAsync(string connectionString)
    {
        var zones = new List<(Guid, Guid, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, customer_id, name FROM zones ORDER BY name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            zones.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
        }

        return zones;
    }
}
