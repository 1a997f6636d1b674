using System.Net;
using System.Text;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Bad input on record writes: a 400 envelope naming the field, and the zone exactly as before.</summary>
public sealed class RecordValidationTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    /// <summary>A valid value of each type, to have something to PUT over.</summary>
    private static readonly Dictionary<string, string> ValidContent = new()
    {
        ["A"] = "192.0.2.1",
        ["AAAA"] = "2001:db8::1",
        ["CNAME"] = "example.com",
        ["ALIAS"] = "lb.provider.net",
        ["NS"] = "ns1.example.net",
        ["PTR"] = "host.example.net",
        ["MX"] = "10 mail.example.net",
        ["SRV"] = "10 5 5060 sip.example.net",
        ["CAA"] = "0 issue \"letsencrypt.org\"",
        ["TLSA"] = "3 1 1 " + new string('a', 64),
        ["SSHFP"] = "4 2 " + new string('b', 64),
        ["HTTPS"] = "1 . alpn=h2",
        ["SVCB"] = "1 . alpn=h2",
        ["TXT"] = "hello",
    };

    public static TheoryData<string, string, string, int?, string> BadContent => new()
    {
        { "www", "A", "999.1.1.1", null, "content" },
        { "www", "A", "192.0.2", null, "content" },
        { "www", "A", "2001:db8::1", null, "content" },
        { "www", "AAAA", "1.2.3.4", null, "content" },
        { "www", "AAAA", "2001:db8::g", null, "content" },
        { "www", "CNAME", "exa mple.com", null, "content" },
        { "www", "CNAME", "192.0.2.1", null, "content" },
        { "@", "ALIAS", "lb provider.net", null, "content" },
        { "sub", "NS", "ns1 .example.net", null, "content" },
        { "ptr", "PTR", "host name.example.net", null, "content" },
        { "@", "MX", "mail.example.net", null, "priority" },
        { "@", "MX", "mail.example.net", 65536, "priority" },
        { "@", "MX", "ten mail.example.net", null, "content" },
        { "@", "MX", "10 mail.example.net", 20, "priority" },
        { "_sip._tcp", "SRV", "10 5", null, "content" },
        { "_sip._tcp", "SRV", "10 5 70000 sip.example.net", null, "content" },
        { "@", "CAA", "256 issue \"letsencrypt.org\"", null, "content" },
        { "@", "CAA", "0 is-sue \"letsencrypt.org\"", null, "content" },
        { "_443._tcp", "TLSA", "3 1 1 abc", null, "content" },
        { "_443._tcp", "TLSA", "3 1 1 zz", null, "content" },
        { "host", "SSHFP", "4 2 abcd", null, "content" },
        { "@", "HTTPS", "1 . foo=bar", null, "content" },
        { "@", "HTTPS", "1 . port=65536", null, "content" },
        { "_dns", "SVCB", "1 . alpn", null, "content" },
        { "@", "TXT", "", null, "content" },
        { "@", "TXT", "\"\"", null, "content" },
        { "@", "TXT", " leading space", null, "content" },
    };

    [Theory]
    [MemberData(nameof(BadContent))]
    public async Task Create_BadContent_Returns400OnTheFieldAndChangesNothing(string name, string type, string content, int? priority, string field)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(priority is null ? new { name, type, content } : new { name, type, content, priority });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(field, error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(BadContent))]
    public async Task PutById_BadContent_Returns400OnTheFieldAndChangesNothing(string name, string type, string content, int? priority, string field)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync(name, type, ValidContent[type]);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(record.Str("id"), priority is null ? new { name, type, content } : new { name, type, content, priority });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(field, error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData(60)]
    [InlineData(119)]
    [InlineData(86401)]
    [InlineData(100000)]
    [InlineData(-1)]
    public async Task Create_TtlOutOfRange_Returns400OnTtl(int ttl)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "www", type = "A", content = "192.0.2.1", ttl });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["ttl"], error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task Create_TtlOutOfRangeOnAnExistingValue_KeepsTheOldTtl()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 600);

        var response = await zone.PostAsync(new { name = "www", type = "A", content = "192.0.2.1", ttl = 100000 });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(record.GetRawText(), (await zone.GetRecordAsync(record.Str("id"))).GetRawText());
    }

    [Fact]
    public async Task Create_CommentOf501Characters_Returns400OnComment()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "www", type = "A", content = "192.0.2.1", comment = new string('c', 501) });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["comment"], error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("SPF")]
    [InlineData("FOO")]
    [InlineData("")]
    [InlineData("A AAAA")]
    [InlineData("DNSKEY")]
    public async Task Create_UnknownType_Returns400OnType(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "www", type, content = "192.0.2.1" });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("type", error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("{\"name\":\"www\",\"type\":\"A\"}", "content")]
    [InlineData("{\"name\":\"www\",\"content\":\"192.0.2.1\"}", "type")]
    [InlineData("{\"name\":\"www\",\"type\":\"A\",\"content\":null}", "content")]
    public async Task Create_MissingRequiredField_Returns400OnIt(string json, string field)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostJsonAsync(json);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(field, error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("www.other.org.")]
    [InlineData("other.org.")]
    [InlineData("x{zone}.")]
    [InlineData("com.")]
    public async Task Create_NameOutsideTheZone_Returns400NameOutsideZone(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = name.Replace("{zone}", zone.Name), type = "A", content = "192.0.2.1" });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "NAME_OUTSIDE_ZONE");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("@")]
    [InlineData("")]
    [InlineData("{zone}")]
    [InlineData("{zone}.")]
    [InlineData("{ZONE}.")]
    public async Task Create_CnameAtTheApex_Returns400CnameAtApexSuggestingAlias(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new
        {
            name = name.Replace("{zone}", zone.Name).Replace("{ZONE}", zone.Name.ToUpperInvariant()),
            type = "CNAME",
            content = "example.com",
        });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "CNAME_AT_APEX");
        Assert.Contains("ALIAS", error.Str("message"));
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("exa mple")]
    [InlineData("a..b")]
    [InlineData("-bad-")]
    [InlineData("www.*")]
    public async Task Create_InvalidOwnerName_Returns400OnName(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name, type = "A", content = "192.0.2.1" });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("name", error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("{\"name\":\"www\",")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"name\":\"www\",\"type\":\"A\",\"content\":\"192.0.2.1\",\"bogus\":1}")]
    [InlineData("{\"name\":\"www\",\"type\":\"A\",\"content\":\"192.0.2.1\",\"ttl\":\"soon\"}")]
    [InlineData("{\"name\":\"www\",\"type\":\"A\",\"content\":\"192.0.2.1\",\"disabled\":\"yes\"}")]
    [InlineData("{\"name\":\"www\",\"type\":\"A\",\"content\":[\"192.0.2.1\"]}")]
    [InlineData("{\"name\":{},\"type\":\"A\",\"content\":\"192.0.2.1\"}")]
    [InlineData("{\"name\":\"www\",\"type\":1,\"content\":\"192.0.2.1\"}")]
    [InlineData("{\"name\":\"www\",\"type\":\"MX\",\"content\":\"mail.example.net\",\"priority\":\"ten\"}")]
    public async Task Create_MalformedJson_Returns400InvalidJson(string json)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostJsonAsync(json);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("{\"content\":")]
    [InlineData("{\"content\":\"192.0.2.2\",\"name\":\"www\",\"bogus\":true}")]
    [InlineData("{\"content\":\"192.0.2.2\",\"ttl\":\"soon\"}")]
    public async Task PutByName_MalformedJson_Returns400InvalidJson(string json)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await client.PutAsync(zone.ByNamePath("www", "A"), new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("{\"name\":\"www\",\"type\":\"A\",")]
    [InlineData("{\"name\":\"www\",\"type\":\"A\",\"content\":\"192.0.2.2\",\"bogus\":1}")]
    public async Task PutById_MalformedJson_Returns400InvalidJson(string json)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await client.PutAsync($"{zone.RecordsPath}/{record.Str("id")}", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData(60)]
    [InlineData(100000)]
    public async Task PutByName_TtlOutOfRange_Returns400OnTtl(int ttl)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("www", "A", new { content = "192.0.2.2", ttl });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["ttl"], error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task PutByName_BadContent_Returns400OnContent()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("www", "A", new { content = "999.1.1.1" });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("content", error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }
}
