using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Racing writes: never both past a rule, never a 500, and one serial step per change.</summary>
public sealed class RecordConcurrencyTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private static readonly HttpStatusCode[] Outcomes = [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Conflict];

    [Fact]
    public async Task ParallelCreates_AllSucceedAndEachRaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SoaSerialAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => zone.PostAsync(new { name = "www", type = "A", content = $"192.0.2.{i + 1}", ttl = 300 + i })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var a = (await zone.RecordsAsync()).Where(r => r.Str("type") == "A").ToList();
        Assert.Equal(40, a.Count);
        Assert.Single(a.Select(r => r.GetProperty("ttl").GetInt32()).Distinct());
        Assert.True(await zone.SoaSerialAsync() >= before + 40);
    }

    [Fact]
    public async Task SameValueCreatedInParallel_IsOneRecordAndNever500()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => zone.PostAsync(new { name = "www", type = "TXT", content = "same" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "TXT");
    }

    [Fact]
    public async Task CnamesRacingForOneName_LeaveExactlyOne()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => zone.PostAsync(new { name = "www", type = "CNAME", content = $"t{i}.example.net" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, Outcomes));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "CNAME");
    }

    [Fact]
    public async Task PutAndDeleteRacingOnOneRecord_AnswerOnlyDocumentedOutcomes()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var records = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            records.Add((await zone.AddRecordAsync("www", "A", $"192.0.2.{i + 1}")).Str("id"));
        }

        var responses = await Task.WhenAll(records.SelectMany((id, i) => new[]
        {
            zone.PutAsync(id, new { name = "www", type = "A", content = $"198.51.100.{i + 1}" }),
            zone.DeleteAsync(id),
            zone.PutByNameAsync("www", "A", new { content = $"203.0.113.{i + 1}" }, $"192.0.2.{i + 1}"),
        }));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, Outcomes));
        var left = (await zone.RecordsAsync()).Where(r => r.Str("type") == "A").ToList();
        Assert.True(left.Count <= 10);
        Assert.All(left, r => Assert.DoesNotContain(r.Str("id"), records));
    }
}
