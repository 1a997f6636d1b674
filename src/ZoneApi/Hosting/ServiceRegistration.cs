using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoneApi.Auth;
using ZoneApi.Data;
using ZoneApi.Export;
using ZoneApi.Http;
using ZoneApi.Import;
using ZoneApi.Limits;
using ZoneApi.Metrics;
using ZoneApi.OpenApi;
using ZoneApi.Quotas;
using ZoneApi.Records;
using ZoneApi.Records.Batch;
using ZoneApi.Zones;

namespace ZoneApi.Hosting;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddZoneApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ZoneApiOptions>()
            .BindConfiguration(ZoneApiOptions.Section)
            .PostConfigure(o => o.ApplyDefaults())
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZoneApiOptions>, ZoneApiOptionsValidator>();
        services.AddOptions<DatabaseLimits>()
            .BindConfiguration(DatabaseLimits.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseLimits>, DatabaseLimitsValidator>();
        services.AddSingleton<CustomerConcurrency>();
        services.AddZoneApiRateLimits();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ZoneApiOptions>>(
            (kestrel, zoneApi) => kestrel.Limits.MaxRequestBodySize = zoneApi.Value.MaxRequestBodyBytes);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHttpContextFactory, RequestIdHttpContextFactory>();
        // AccessLogMiddleware writes the one line per request; the hosting layer's "Request starting/finished"
        // pair would only repeat it. The request id reaches every other line through the hosting scope, so the
        // trace and span ids (no traces are exported) are left out of the scopes.
        LoggingDefaults.AddTo(builder);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.Configure(log => log.ActivityTrackingOptions = ActivityTrackingOptions.None);
        builder.AddZoneApiMetrics();
        // Database failures reach UnhandledExceptionHandler, which logs each once with its request id; an
        // expected one (a unique violation that becomes 409) is no error at all. EF's own error lines would
        // only repeat them. Data protection is unused (no cookies), so its key-storage warning is noise.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // "Hosting failed to start" with a stack trace: Program already reports why, in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        services.AddSingleton<ZoneDatabase>();
        services.AddSingleton(sp => sp.GetRequiredService<ZoneDatabase>().DataSource);
        // Columns are the snake_case of the properties (CreatedAt is created_at), as migrations/*.sql name them.
        services.AddDbContext<ZoneDbContext>((sp, db) =>
            db.UseNpgsql(sp.GetRequiredService<ZoneDatabase>().DataSource).UseSnakeCaseNamingConvention());
        services.AddSingleton<SqlMigrator>();
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(auth =>
        {
            foreach (var (policy, scopes) in Scopes.Policies)
            {
                auth.AddPolicy(policy, p => p.AddRequirements([.. scopes.Select(s => new ScopeRequirement(s))]));
            }
        });
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ScopeAuthorizationResultHandler>();
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<ApiKeyCache>();

        services.AddScoped<ZoneService>();
        services.AddScoped<ZoneOwnership>();
        services.AddSingleton<ReservedZoneNames>();
        services.AddOptions<QuotaOptions>()
            .BindConfiguration(QuotaOptions.Section)
            .Validate(q => q.IsValid, QuotaOptions.Requirement)
            .ValidateOnStart();
        services.AddScoped<CustomerQuotas>();
        services.AddSingleton<ApexRecords>();
        services.AddScoped<RecordReader>();
        services.AddScoped<RecordService>();
        services.AddSingleton<ZoneNameCache>();
        services.AddScoped<RecordRules>();
        services.AddScoped<ZoneExporter>();
        services.AddScoped<ZoneImporter>();
        services.AddSingleton<RecordWriteValidator>();
        AddValidators(services);

        services.AddControllers(mvc =>
            {
                mvc.Filters.Add<ValidationFilter>();
                mvc.Filters.Add<RefusalCountingFilter>();
                mvc.InputFormatters.Add(new ZoneFileInputFormatter());
            })
            .AddJsonOptions(json => ApiJson.Configure(json.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(api => api.InvalidModelStateResponseFactory = ModelStateErrors.ToResult);
        // Request properties are nullable on purpose: FluentValidation, not MVC's implicit [Required], reports missing fields.
        services.Configure<MvcOptions>(mvc => mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.AddSingleton<IClientErrorFactory, EnvelopeClientErrorFactory>();
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddZoneApiSwagger();
        return builder;
    }

    /// <summary>One validator per request type, listed by name so a search finds it.</summary>
    private static void AddValidators(IServiceCollection services)
    {
        // Messages name the JSON field (customer_id), not the C# property (CustomerId).
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : ApiJson.FieldName(member.Name);
        services.AddSingleton<IValidator<PageQuery>, PageQueryValidator>();
        services.AddSingleton<IValidator<CreateZoneRequest>, CreateZoneRequestValidator>();
        services.AddSingleton<IValidator<UpdateZoneRequest>, UpdateZoneRequestValidator>();
        services.AddSingleton<IValidator<BatchRequest>, BatchRequestValidator>();
    }

    private sealed class DatabaseLimitsValidator : IValidateOptions<DatabaseLimits>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseLimits options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }

    private sealed class ZoneApiOptionsValidator : IValidateOptions<ZoneApiOptions>
    {
        public ValidateOptionsResult Validate(string? name, ZoneApiOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
