using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Import;

/// <summary>The import and export routes of a test zone, called over HTTP as a client would.</summary>
public static class ZoneImports
{
    public static string ImportPath(this TestZone zone, string mode = "merge", bool dryRun = false) =>
        $"/v1/zones/{zone.Id}/import?mode={mode}&dry_run={(dryRun ? "true" : "false")}";

    /// <summary>POSTs a master file as <c>text/dns</c>.</summary>
    public static Task<HttpResponseMessage> ImportAsync(this TestZone zone, string file, string mode = "merge", bool dryRun = false) =>
        zone.Http.PostAsync(zone.ImportPath(mode, dryRun), new StringContent(file, Encoding.UTF8, "text/dns"));

    /// <summary>POSTs a master file as JSON, <c>{"zone_file":"..."}</c>.</summary>
    public static Task<HttpResponseMessage> ImportJsonAsync(this TestZone zone, string file, string mode = "merge", bool dryRun = false) =>
        zone.Http.PostAsJsonAsync(zone.ImportPath(mode, dryRun), new { zone_file = file });

    /// <summary>Imports and asserts 200; returns <c>data</c>.</summary>
    public static async Task<JsonElement> ImportOkAsync(this TestZone zone, string file, string mode = "merge", bool dryRun = false) =>
        await (await zone.ImportAsync(file, mode, dryRun)).AssertSuccessAsync(HttpStatusCode.OK);

    public static async Task<string> ExportAsync(this TestZone zone)
    {
        var response = await zone.Http.GetAsync($"/v1/zones/{zone.Id}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A file with the usual header, then <paramref name="lines"/>: the first of them is line 3.</summary>
    public static string File(this TestZone zone, params string[] lines) =>
        $"$ORIGIN {zone.Apex}\n$TTL 3600\n" + string.Concat(lines.Select(l => l + "\n"));

    public static List<JsonElement> Added(this JsonElement data) => [.. data.GetProperty("diff").GetProperty("added").EnumerateArray()];

    public static List<JsonElement> Removed(this JsonElement data) => [.. data.GetProperty("diff").GetProperty("removed").EnumerateArray()];

    public static List<JsonElement> Changed(this JsonElement data) => [.. data.GetProperty("diff").GetProperty("changed").EnumerateArray()];

    public static int Unchanged(this JsonElement data) => data.GetProperty("diff").GetProperty("unchanged").GetInt32();

    public static List<JsonElement> Ignored(this JsonElement data) => [.. data.GetProperty("ignored").EnumerateArray()];

    /// <summary>The <c>details</c> of an error envelope as (field, reason) pairs.</summary>
    public static List<(string Field, string Reason)> Details(this JsonElement error) =>
        [.. error.GetProperty("details").EnumerateArray().Select(d => (d.Str("field"), d.Str("reason")))];
}
