using Microsoft.OpenApi;

namespace ZoneApi.OpenApi;

/// <summary>
/// The OpenAPI document the app serves at /swagger/v1/swagger.json (and .yaml), and Swagger UI at /swagger.
/// openapi.yaml at the repository root is this document, committed; a test fails when they differ.
/// </summary>
public static class SwaggerSetup
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "bearer";
    public const string YamlPath = "/swagger/v1/swagger.yaml";

    public static IServiceCollection AddZoneApiSwagger(this IServiceCollection services) =>
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "ZoneApi",
                Version = "v1",
                Description = "DNS zone management, compatible with DNScale's public v1 API. Every response is an envelope: "
                    + "{\"status\":\"success\",\"data\":{...}} or {\"status\":\"error\",\"error\":{\"code\",\"message\",\"details\"}}. "
                    + "Authenticate with 'Authorization: Bearer <key>'.",
            });
            swagger.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key: the bootstrap key printed at startup, or one made with `keys create`.",
            });
            swagger.IncludeXmlComments(typeof(SwaggerSetup).Assembly);
            swagger.SupportNonNullableReferenceTypes();
            swagger.CustomSchemaIds(SchemaIds.For);
            swagger.OperationFilter<CommonResponsesOperationFilter>();
            swagger.SchemaFilter<ZoneApiSchemaFilter>();
        });

    public static WebApplication UseZoneApiSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "ZoneApi v1");
            ui.DocumentTitle = "ZoneApi";
            ui.EnablePersistAuthorization();
        });
        return app;
    }
}
