using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Http;

public sealed class EnvelopeTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/v1")]
    [InlineData("/v1/nothing")]
    [InlineData("/v2/zones")]
    [InlineData("/api/v1/zones")]
    public async Task UnknownRoute_Returns404NotFoundEnvelope(string path)
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.GetAsync(path);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("PATCH", "/v1/zones")]
    [InlineData("DELETE", "/v1/zones")]
    [InlineData("POST", "/v1/health")]
    public async Task WrongMethod_Returns405WithAllowHeader(string method, string path)
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.AssertErrorAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task RequestId_ValidIncomingIdIsEchoed()
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/health");
        request.Headers.Add("X-Request-ID", "ci-run-42.step:7");

        var response = await client.SendAsync(request);

        Assert.Equal("ci-run-42.step:7", response.Headers.GetValues("X-Request-ID").Single());
    }

    [Fact]
    public async Task RequestId_UnsafeIncomingIdIsReplaced()
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/zones");
        request.Headers.TryAddWithoutValidation("X-Request-ID", "evil id\twith spaces");

        var response = await client.SendAsync(request);

        var id = response.Headers.GetValues("X-Request-ID").Single();
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public async Task UnhandledException_Returns500EnvelopeWithoutInternals()
    {
        using var failing = api.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowingRouteFilter())));
        using var client = failing.CreateClient();
        Assert.NotEqual(80, client.BaseAddress!.Port); // on Kestrel, not the in-memory test server

        var response = await client.GetAsync("/v1/test-throws");

        var error = await response.AssertErrorAsync(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internals", body);
        Assert.DoesNotContain("at ZoneApi", body);
        Assert.Contains(response.Headers.GetValues("X-Request-ID").Single(), error.Str("message"));
    }

    /// <summary>A fault injected into the real pipeline: a route that throws, as a bug would.</summary>
    private sealed class ThrowingRouteFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) => context.Request.Path == "/v1/test-throws"
                ? throw new InvalidOperationException("secret internals")
                : Task.CompletedTask);
        };
    }
}
