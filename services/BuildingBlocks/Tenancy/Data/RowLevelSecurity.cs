using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmPlatform.Tenancy.Data;

public static class RowLevelSecurity
{
    /// <summary>The transaction-local setting the policies read the current tenant from.</summary>
    public const string TenantSetting = "app.tenant_id";

    // NULLIF: once a session has seen the setting, "unset" reads as '' rather than NULL.
    // Either way the comparison is NULL and no row qualifies: no tenant, no rows.
    private const string CurrentTenant = $"NULLIF(current_setting('{TenantSetting}', true), '')::uuid";

    /// <summary>
    /// The statement that sets the tenant until the end of the current transaction. A Guid
    /// formats to hex digits and dashes only, so inlining it cannot inject SQL.
    /// </summary>
    public static string SetTenant(Guid tenant) => $"SET LOCAL {TenantSetting} = '{tenant:D}';";

    /// <summary>Enables and forces RLS on a tenant table, so even the table's owner sees only the current tenant's rows.</summary>
    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql(EnableSql(table));

    public static string EnableSql(string table) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table}
            USING (tenant_id = {CurrentTenant})
            WITH CHECK (tenant_id = {CurrentTenant});
        """;
}
