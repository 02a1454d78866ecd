namespace CrmPlatform.Gateway.Catalog;

public static class OpenApiEndpoint
{
    /// <summary>
    /// Serves the document at <see cref="OpenApiDocument.Path"/> to anyone: it describes the API,
    /// holds no tenant's data, and a developer reads it before having a key. Generated once, at start.
    /// </summary>
    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder app)
    {
        var json = OpenApiDocument.Generate(app.ServiceProvider.GetRequiredService<MethodCatalog>());
        return app.MapGet(OpenApiDocument.Path, () => Results.Text(json, "application/json")).AllowAnonymous();
    }
}
