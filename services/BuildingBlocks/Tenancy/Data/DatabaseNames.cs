namespace CrmPlatform.Tenancy.Data;

/// <summary>
/// The logical name of a service's database: <c>ConnectionStrings:{name}</c> is the
/// application's own role, <c>ConnectionStrings:{name}-migrator</c> the schema owner used only
/// to migrate at start.
/// </summary>
public sealed record DatabaseNames(string ConnectionName)
{
    public string MigratorConnectionName => $"{ConnectionName}-migrator";
}
