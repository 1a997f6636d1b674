using BenchmarkDotNet.Attributes;

namespace ZoneApi.Bench;

/// <summary>
/// GET /v1/zones/{id}/records over HTTP against the running app. The baseline is the first page of a
/// 50-record zone; the Ratio column says how many times slower each other request is in the same run.
/// A page of a 5,000-record zone that costs about what the baseline costs means the page is read through
/// the index, not by loading the zone.
/// </summary>
[Config(typeof(BenchConfig))]
public class RecordListBenchmarks
{
    private HttpClient _client = null!; // set in GlobalSetup, before any benchmark runs
    private Uri _baselineFirstPage = null!;
    private Uri _largeFirstPage = null!;
    private Uri _largeDeepPage = null!;
    private Uri _largeThousandPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var run = BenchRun.Current
            ?? throw new InvalidOperationException("Start the benchmarks with `dotnet run -c Release --project bench/ZoneApi.Bench`: Main starts the app and seeds the zones.");
        _client = run.Client;
        _baselineFirstPage = Page(run.Baseline, 0, 50);
        _largeFirstPage = Page(run.Large, 0, 50);
        _largeDeepPage = Page(run.Large, BenchRun.DeepOffset, 50);
        _largeThousandPage = Page(run.Large, 0, 1000);
    }

    [Benchmark(Baseline = true, Description = "first page (50) of a 50-record zone")]
    public Task<int> FirstPageOfSmallZone() => GetAsync(_baselineFirstPage);

    [Benchmark(Description = "first page (50) of a 5,000-record zone")]
    public Task<int> FirstPageOfLargeZone() => GetAsync(_largeFirstPage);

    [Benchmark(Description = "page at offset 4,900 (50) of a 5,000-record zone")]
    public Task<int> DeepPageOfLargeZone() => GetAsync(_largeDeepPage);

    [Benchmark(Description = "first page (1,000) of a 5,000-record zone")]
    public Task<int> ThousandRecordPageOfLargeZone() => GetAsync(_largeThousandPage);

    private static Uri Page(SeededZone zone, int offset, int limit) =>
        new($"/v1/zones/{zone.Id}/records?offset={offset}&limit={limit}", UriKind.Relative);

    /// <summary>
    /// The whole response, read to the end but not kept: the client's own buffering would otherwise add to the
    /// time and the allocations, which here are process-wide.
    /// </summary>
    private async Task<int> GetAsync(Uri page)
    {
        using var response = await _client.GetAsync(page, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
        return (int)response.StatusCode;
    }
}
