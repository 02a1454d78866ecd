namespace CrmPlatform.Gateway.Catalog;

public static class OpenApiEndpoint
{
    /// <summary>The gateway's argument that writes the document instead of serving: the build runs it (see Gateway.csproj).</summary>
    public const string WriteArgument = "--write-openapi";

    /// <summary>Where the build leaves the document, beside the gateway's assembly.</summary>
    public static readonly string BuiltDocument = Path.Combine(AppContext.BaseDirectory, "openapi", "v1.json");

    /// <summary>Writes the document generated from the contracts compiled into this assembly.</summary>
    public static void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, OpenApiDocument.Generate(MethodCatalog.FromContracts()));
    }

    /// <summary>
    /// Serves the document the build wrote at <see cref="OpenApiDocument.Path"/> to anyone: it
    /// describes the API, holds no tenant's data, and a developer reads it before having a key.
    /// </summary>
    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder app)
    {
        if (!File.Exists(BuiltDocument))
        {
            throw new InvalidOperationException($"{BuiltDocument} is missing: the gateway's build writes it; build the gateway again.");
        }

        var json = File.ReadAllText(BuiltDocument);
        return app.MapGet(OpenApiDocument.Path, () => Results.Text(json, "application/json")).AllowAnonymous();
    }
}
