namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>
/// Provisions a service database by applying deploy/postgres, the same files a managed PostgreSQL's
/// administrator runs, in the same order, as a superuser.
/// </summary>
public static class DatabaseProvisioning
{
    public static string Folder { get; } = Path.Combine(BuildInfo.RepoRoot, "deploy", "postgres");

    /// <summary>
    /// Every file, in order. Roles and the database are objects of the whole server, so their files
    /// run from the maintenance database; the rest run inside the service's database.
    /// </summary>
    public static IReadOnlyList<ProvisioningStep> Steps { get; } =
    [
        new("01_roles.sql", InServiceDatabase: false),
        new("02_database.sql", InServiceDatabase: false),
        new("03_privileges.sql", InServiceDatabase: true),
        new("04_trigram_leakproof.sql", InServiceDatabase: true),
        new("05_text_search_leakproof.sql", InServiceDatabase: true),
    ];

    /// <summary>The psql variables of one service database: its name, its two roles and their passwords.</summary>
    public static Dictionary<string, string> Variables(string database, string ownerPassword, string appPassword) => new()
    {
        ["database"] = database,
        ["owner_role"] = OwnerRole(database),
        ["owner_password"] = ownerPassword,
        ["app_role"] = AppRole(database),
        ["app_password"] = appPassword,
    };

    public static string OwnerRole(string database) => $"{database}_owner";

    public static string AppRole(string database) => $"{database}_app";

    public static async Task ApplyAsync(IDatabaseServer server, IReadOnlyDictionary<string, string> variables)
    {
        foreach (var step in Steps)
        {
            var connectTo = step.InServiceDatabase ? variables["database"] : "postgres";
            await Psql.RunFileAsync(server.SuperuserConnectionString(connectTo), Path.Combine(Folder, step.File), variables);
        }
    }
}
