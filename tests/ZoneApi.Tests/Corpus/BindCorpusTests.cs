using System.Collections.Concurrent;
using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Corpus;

/// <summary>
/// Servable zones (CONTRACT A4): for every value of the corpus, BIND (<c>named-checkzone -k fail</c> on a
/// one-record zone) and the API (a POST through HTTP) must give the same answer, and what the API stores must
/// load in BIND too. Values are from BIND's and dnspython's test data, the RFCs' examples and our own edge
/// cases; each file says where. Where the API is deliberately stricter, or takes a spelling BIND 9.18 lacks,
/// the value is in differences.tsv with the reason, and the test checks that BIND still disagrees.
/// </summary>
public sealed class BindCorpusTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private static readonly string[] EveryType =
        ["A", "AAAA", "CNAME", "ALIAS", "NS", "PTR", "MX", "TXT", "SRV", "CAA", "TLSA", "SSHFP", "HTTPS", "SVCB", "NAPTR"];

    [Fact]
    public void Corpus_Size_HasAtLeast300ValidAnd100InvalidValuesCoveringEveryType()
    {
        var valid = CorpusFile.Read("valid.tsv", CorpusEntry.Accept);
        var invalid = CorpusFile.Read("invalid.tsv", CorpusEntry.Refuse);

        Assert.True(valid.Count >= 300, $"valid.tsv has {valid.Count} values");
        Assert.True(invalid.Count >= 100, $"invalid.tsv has {invalid.Count} values");
        Assert.Empty(EveryType.Except(valid.Select(e => e.Type)));
        // Every rendered TXT value loads in BIND, so TXT has no BIND-invalid values (the API's own TXT limits are differences).
        Assert.Empty(EveryType.Except(["TXT"]).Except(invalid.Select(e => e.Type)));
    }

    [Fact]
    public async Task Corpus_ValidValues_AcceptedByBindAndByTheApi()
    {
        var failures = await CompareAsync(CorpusFile.Read("valid.tsv", CorpusEntry.Accept), bindLoadsAsSent: true);

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Corpus_InvalidValues_RefusedByBindAndByTheApi()
    {
        var failures = await CompareAsync(CorpusFile.Read("invalid.tsv", CorpusEntry.Refuse), bindLoadsAsSent: false);

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Corpus_Differences_StillDifferFromBindAsDocumented()
    {
        var entries = CorpusFile.Read("differences.tsv", expectation: null);

        // A value the API refuses here is one BIND loads (the API is stricter); one the API accepts is a spelling
        // BIND 9.18 does not read, which the API stores in a form BIND loads.
        var failures = new List<string>();
        failures.AddRange(await CompareAsync([.. entries.Where(e => e.Expectation == CorpusEntry.Refuse)], bindLoadsAsSent: true));
        failures.AddRange(await CompareAsync([.. entries.Where(e => e.Expectation == CorpusEntry.Accept)], bindLoadsAsSent: false));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<List<string>> CompareAsync(IReadOnlyList<CorpusEntry> entries, bool bindLoadsAsSent)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var failures = new ConcurrentBag<(int Index, string Failure)>();
        await Parallel.ForEachAsync(entries.Select((entry, index) => (entry, index)), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (item, _) =>
            {
                if (await CheckAsync(zone, item.entry, $"n{item.index}", bindLoadsAsSent) is { } failure)
                {
                    failures.Add((item.index, $"{item.entry}: {failure}"));
                }
            });
        return [.. failures.OrderBy(f => f.Index).Select(f => f.Failure)];
    }

    /// <summary>Returns what went wrong with one value, or null when BIND and the API answer as the corpus says.</summary>
    private static async Task<string?> CheckAsync(TestZone zone, CorpusEntry entry, string label, bool bindLoadsAsSent)
    {
        var owner = entry.Owner is null ? label : $"{entry.Owner}.{label}";
        var bindType = MasterFileRdata.BindType(entry.Type);
        var bindError = await NamedCheckZone.CheckAsync(owner, bindType, MasterFileRdata.FromRequest(entry.Type, entry.Content));
        if ((bindError is null) != bindLoadsAsSent)
        {
            return bindError is null ? "BIND loads it" : $"BIND refuses it: {bindError}";
        }

        var response = await zone.PostAsync(new { name = owner, type = entry.Type, content = entry.Content });
        var body = await response.JsonAsync();
        if (entry.Expectation == CorpusEntry.Refuse)
        {
            return response.StatusCode == HttpStatusCode.BadRequest
                && body.GetProperty("error").Str("code") == (entry.Type == "NS" && owner.StartsWith('*') ? "WILDCARD_NS" : "VALIDATION_ERROR")
                ? null
                : $"the API answered {(int)response.StatusCode} {body}, expected 400 VALIDATION_ERROR (WILDCARD_NS for an NS at a wildcard)";
        }

        if (response.StatusCode != HttpStatusCode.Created)
        {
            return $"the API answered {(int)response.StatusCode} {body}";
        }

        // What the API stores is what a server will load: its canonical form must load in BIND as well.
        var record = body.GetProperty("data").GetProperty("record");
        var priority = record.TryGetProperty("priority", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Number ? p.GetInt32() : (int?)null;
        var stored = MasterFileRdata.FromRecord(record.Str("type"), record.Str("content"), priority);
        return await NamedCheckZone.CheckAsync(owner, bindType, stored) is { } storedError
            ? $"the API stored '{stored}', which BIND refuses: {storedError}"
            : null;
    }
}
