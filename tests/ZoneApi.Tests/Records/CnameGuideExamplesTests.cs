using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Every CNAME example of DNScale's guide (shared/seeds/000), sent as its curl examples send it.</summary>
public sealed class CnameGuideExamplesTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string, string> GuideExamples => new()
    {
        { "www", "example.com" },
        { "blog", "example.com" },
        { "shop", "example.com" },
        { "cdn", "d1234567.cloudfront.net" },
        { "www", "d1234.cloudfront.net" },
        { "static", "example.b-cdn.net" },
        { "app", "myapp.herokuapp.com" },
        { "docs", "example.gitbook.io" },
        { "status", "example.statuspage.io" },
        { "em1234", "u1234.wl.sendgrid.net" },
    };

    [Fact]
    public async Task Create_WwwToExampleCom_ReturnsTheDocumentedResponse()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await zone.PostAsync(new { name = "www", type = "CNAME", content = "example.com", ttl = 3600 });

        var data = await response.AssertSuccessAsync(HttpStatusCode.Created);
        Assert.Equal(["message", "record"], RecordAssert.PropertyNames(data));
        Assert.Equal("Record created successfully", data.Str("message"));
        var record = data.GetProperty("record");
        Assert.Equal(["id", "name", "type", "content", "ttl", "disabled"], RecordAssert.PropertyNames(record));
        Assert.Matches(RecordAssert.IdPattern, record.Str("id"));
        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
        Assert.Equal("CNAME", record.Str("type"));
        Assert.Equal("example.com.", record.Str("content"));
        Assert.Equal(3600, record.GetProperty("ttl").GetInt32());
        Assert.False(record.GetProperty("disabled").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(GuideExamples))]
    public async Task Create_GuideExample_StoresAbsoluteTargetAndReadsBackTheSame(string name, string target)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync(new { name, type = "CNAME", content = target, ttl = 3600 });

        RecordAssert.HasRecordShape(record);
        Assert.Equal(zone.Fqdn(name), record.Str("name"));
        Assert.Equal("CNAME", record.Str("type"));
        Assert.Equal(target + ".", record.Str("content"));
        Assert.Equal(3600, record.GetProperty("ttl").GetInt32());
        Assert.False(record.GetProperty("disabled").GetBoolean());
        Assert.Equal(record.GetRawText(), (await zone.GetRecordAsync(record.Str("id"))).GetRawText());
        var listed = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "CNAME");
        Assert.Equal(record.GetRawText(), listed.GetRawText());
    }

    [Fact]
    public async Task Create_AllGuideSubdomainsInOneZone_ListsEachAlias()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var examples = new (string Name, string Target)[]
        {
            ("www", "example.com"), ("blog", "example.com"), ("shop", "example.com"),
            ("cdn", "d1234567.cloudfront.net"), ("static", "example.b-cdn.net"), ("app", "myapp.herokuapp.com"),
            ("docs", "example.gitbook.io"), ("status", "example.statuspage.io"), ("em1234", "u1234.wl.sendgrid.net"),
        };

        var created = new List<string>();
        foreach (var (name, target) in examples)
        {
            created.Add((await zone.AddRecordAsync(new { name, type = "CNAME", content = target, ttl = 3600 })).GetRawText());
        }

        var cnames = (await zone.RecordsAsync()).Where(r => r.Str("type") == "CNAME").ToList();
        Assert.Equal(created.Order(StringComparer.Ordinal), cnames.Select(r => r.GetRawText()).Order(StringComparer.Ordinal));
        Assert.Equal(
            examples.Select(e => (zone.Fqdn(e.Name), e.Target + ".")).OrderBy(e => e.Item1, StringComparer.Ordinal),
            cnames.Select(r => (r.Str("name"), r.Str("content"))));
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("example.com.")]
    public async Task Create_TargetWithOrWithoutTrailingDot_ReturnsItWithTheDot(string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync("www", "CNAME", content);

        Assert.Equal("example.com.", record.Str("content"));
    }

    [Fact]
    public async Task Create_SameCnameWithAndWithoutTrailingDot_IsOneRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "CNAME", "example.com");

        var second = await zone.AddRecordAsync("www", "CNAME", "example.com.");

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "CNAME");
    }

    [Fact]
    public async Task Create_UpperCaseNameTypeAndTarget_ReturnsLowerCaseNameAndTarget()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync("WWW", "cname", "Example.COM");

        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
        Assert.Equal("CNAME", record.Str("type"));
        Assert.Equal("example.com.", record.Str("content"));
    }

    [Fact]
    public async Task Create_NameAsFqdnWithAndWithoutDot_IsTheSameOwner()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var withDot = await zone.AddRecordAsync($"WWW.{zone.Name.ToUpperInvariant()}.", "CNAME", "example.com");
        var withoutDot = await zone.AddRecordAsync($"www.{zone.Name}", "CNAME", "example.com.");

        Assert.Equal(zone.Fqdn("www"), withDot.Str("name"));
        Assert.Equal(withDot.GetRawText(), withoutDot.GetRawText());
    }

    [Fact]
    public async Task Create_CnameWithDefaultTtl_Returns3600()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync("cdn", "CNAME", "d1234567.cloudfront.net");

        Assert.Equal(3600, record.GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task Create_CnameInTwoZones_GetsDifferentContentDerivedIds()
    {
        using var client = api.CreateAuthenticatedClient();
        var first = await TestZone.CreateAsync(client);
        var second = await TestZone.CreateAsync(client);

        var a = await first.AddRecordAsync("www", "CNAME", "example.com");
        var b = await second.AddRecordAsync("www", "CNAME", "example.com");

        Assert.NotEqual(a.Str("id"), b.Str("id"));
        await (await first.GetAsync(b.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(a.GetRawText(), (await first.GetRecordAsync(a.Str("id"))).GetRawText());
    }

    [Fact]
    public async Task Create_GuideCnameFromRawJson_MatchesTheCurlExample()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await zone.PostJsonAsync("""
            {
              "name": "cdn",
              "type": "CNAME",
              "content": "d1234567.cloudfront.net",
              "ttl": 3600
            }
            """);

        var record = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("record");
        Assert.Equal(zone.Fqdn("cdn"), record.Str("name"));
        Assert.Equal("d1234567.cloudfront.net.", record.Str("content"));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
