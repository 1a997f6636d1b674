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
                    + "`{\"status\":\"success\",\"data\":{...}}` or `{\"status\":\"error\",\"error\":{\"code\",\"message\",\"details\"}}`. "
                    + "Authenticate with the header `Authorization: Bearer <key>`.",
                Contact = new OpenApiContact { Name = "ZoneApi maintainers" },
                License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/licenses/MIT") },
            });
            // Relative first: Swagger UI sends "Try it out" to the first server, and "/" is whichever host served the page.
            swagger.AddServer(new OpenApiServer { Url = "/", Description = "The server that serves this document" });
            swagger.AddServer(new OpenApiServer
            {
                Url = "{scheme}://{host}",
                Description = "A server of your choice; `dotnet run` listens on localhost:5080.",
                Variables = new Dictionary<string, OpenApiServerVariable>
                {
                    ["scheme"] = new() { Default = "http", Enum = ["http", "https"] },
                    ["host"] = new() { Default = "localhost:5080", Description = "Host and port of the API." },
                },
            });
            swagger.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "zoneapi_<base64url>",
                // In backticks, or Markdown renderers take <key> for an HTML tag and drop it.
                Description = "Send `Authorization: Bearer <key>`, where the key is the bootstrap key printed at startup "
                    + "or one made with the `keys create` admin command.",
            });
            swagger.IncludeXmlComments(typeof(SwaggerSetup).Assembly);
            swagger.SupportNonNullableReferenceTypes();
            swagger.CustomSchemaIds(SchemaIds.For);
            swagger.OperationFilter<CommonResponsesOperationFilter>();
            swagger.OperationFilter<ParameterSchemasOperationFilter>();
            swagger.OperationFilter<ZoneFileExampleOperationFilter>();
            swagger.SchemaFilter<ZoneApiSchemaFilter>();
            swagger.DocumentFilter<TagDescriptionsDocumentFilter>();
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
