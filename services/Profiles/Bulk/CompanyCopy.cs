using CrmPlatform.Profiles.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>
/// Bulk writes by binary COPY. Row-level security refuses COPY into a tenant table, so rows are
/// copied into a temporary table and moved with one INSERT ... SELECT, which the policies check
/// row by row like any insert. Must run inside the caller's transaction.
/// </summary>
internal static class CompanyCopy
{
    private static readonly Column<Company>[] CompanyColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, c => c.TenantId),
        new("id", NpgsqlDbType.Uuid, c => c.Id),
        new("name", NpgsqlDbType.Varchar, c => c.Name),
        new("legal_name", NpgsqlDbType.Varchar, c => c.LegalName),
        new("external_id", NpgsqlDbType.Varchar, c => c.ExternalId),
        new("registration_number", NpgsqlDbType.Varchar, c => c.RegistrationNumber),
        new("website", NpgsqlDbType.Varchar, c => c.Website),
        new("domain", NpgsqlDbType.Varchar, c => c.Domain),
        new("industry_code", NpgsqlDbType.Varchar, c => c.IndustryCode),
        new("industry_label", NpgsqlDbType.Varchar, c => c.IndustryLabel),
        new("employee_count", NpgsqlDbType.Integer, c => c.EmployeeCount),
        new("annual_revenue", NpgsqlDbType.Numeric, c => c.AnnualRevenue),
        new("revenue_currency", NpgsqlDbType.Varchar, c => c.RevenueCurrency),
        new("parent_company_id", NpgsqlDbType.Uuid, c => c.ParentCompanyId),
        new("financial_status", NpgsqlDbType.Jsonb, c => c.FinancialStatusJson),
        new("owners", NpgsqlDbType.Jsonb, c => c.OwnersJson),
        new("addresses", NpgsqlDbType.Jsonb, c => c.AddressesJson),
        new("custom_fields", NpgsqlDbType.Jsonb, c => c.CustomFieldsJson),
        new("strategy", NpgsqlDbType.Jsonb, c => c.StrategyJson),
        new("headquarters_lines", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Headquarters.Lines),
        new("headquarters_city", NpgsqlDbType.Varchar, c => c.Headquarters.City),
        new("headquarters_region", NpgsqlDbType.Varchar, c => c.Headquarters.Region),
        new("headquarters_postal_code", NpgsqlDbType.Varchar, c => c.Headquarters.PostalCode),
        new("headquarters_country_code", NpgsqlDbType.Varchar, c => c.Headquarters.CountryCode),
        new("phone", NpgsqlDbType.Varchar, c => c.Phone),
        new("email", NpgsqlDbType.Varchar, c => c.Email),
        new("account_owner", NpgsqlDbType.Varchar, c => c.AccountOwner),
        new("lifecycle_stage", NpgsqlDbType.Varchar, c => c.LifecycleStage.ToString()),
        new("tags", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Tags),
        new("created_at", NpgsqlDbType.TimestampTz, c => c.CreatedAt),
        new("updated_at", NpgsqlDbType.TimestampTz, c => c.UpdatedAt),
        new("last_reviewed_at", NpgsqlDbType.TimestampTz, c => c.LastReviewedAt),
        new("deleted_at", NpgsqlDbType.TimestampTz, c => c.DeletedAt),
    ];

    private static readonly Column<CompanyChange>[] ChangeColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, c => c.TenantId),
        new("id", NpgsqlDbType.Uuid, c => c.Id),
        new("company_id", NpgsqlDbType.Uuid, c => c.CompanyId),
        new("person_id", NpgsqlDbType.Uuid, c => c.PersonId),
        new("project_id", NpgsqlDbType.Uuid, c => c.ProjectId),
        new("field", NpgsqlDbType.Varchar, c => c.Field),
        new("before", NpgsqlDbType.Jsonb, c => c.Before),
        new("after", NpgsqlDbType.Jsonb, c => c.After),
        new("actor", NpgsqlDbType.Varchar, c => c.Actor),
        new("changed_at", NpgsqlDbType.TimestampTz, c => c.ChangedAt),
    ];

    /// <summary>Inserts new companies and replaces changed ones, whole rows keyed by id.</summary>
    public static async Task UpsertCompanies(ProfilesDbContext db, IReadOnlyCollection<Company> companies, CancellationToken cancellationToken)
    {
        if (companies.Count == 0)
        {
            return;
        }

        var updates = string.Join(", ", CompanyColumns.Skip(2).Where(c => c.Name != "created_at").Select(c => $"{c.Name} = EXCLUDED.{c.Name}"));
        await CopyThrough(db, "companies", CompanyColumns, companies, $"ON CONFLICT (tenant_id, id) DO UPDATE SET {updates}", cancellationToken);
    }

    public static Task InsertChanges(ProfilesDbContext db, IReadOnlyCollection<CompanyChange> changes, CancellationToken cancellationToken) =>
        changes.Count == 0 ? Task.CompletedTask : CopyThrough(db, "company_changes", ChangeColumns, changes, "", cancellationToken);

    /// <summary>Writes <paramref name="rows"/> straight into <paramref name="table"/> by binary COPY (a table without RLS, or a temporary one).</summary>
    private static async Task Copy<T>(NpgsqlConnection connection, string table, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
                {
                    await writer.WriteAsync(value, column.Type, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyThrough<T>(ProfilesDbContext db, string table, Column<T>[] columns, IEnumerable<T> rows, string onConflict, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bulk writes must run inside a transaction.");
        }

        // Table and column names are this class's constants, never input.
        var staging = $"staging_{table}";
        var columnList = string.Join(", ", columns.Select(c => c.Name));
        var createStaging = $"CREATE TEMPORARY TABLE IF NOT EXISTS {staging} ON COMMIT DELETE ROWS AS SELECT {columnList} FROM {table} WITH NO DATA";
        var moveRows = $"INSERT INTO {table} ({columnList}) SELECT {columnList} FROM {staging} {onConflict}; TRUNCATE {staging}";
        await db.Database.ExecuteSqlRawAsync(createStaging, cancellationToken);
        await Copy((NpgsqlConnection)db.Database.GetDbConnection(), staging, columns, rows, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(moveRows, cancellationToken);
    }
}
