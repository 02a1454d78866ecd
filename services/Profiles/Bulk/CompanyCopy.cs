using CrmPlatform.Profiles.Data;
using CrmPlatform.Tenancy.Data;
using NpgsqlTypes;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>
/// The import's bulk writes: whole company rows and their changes, by <see cref="BulkCopy"/>.
/// Must run inside the caller's transaction.
/// </summary>
internal static class CompanyCopy
{
    private static readonly BulkColumn<Company>[] CompanyColumns =
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

    private static readonly BulkColumn<CompanyChange>[] ChangeColumns =
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
        await BulkCopy.InsertAsync(db, "companies", CompanyColumns, companies, $"ON CONFLICT (tenant_id, id) DO UPDATE SET {updates}", cancellationToken);
    }

    public static Task InsertChanges(ProfilesDbContext db, IReadOnlyCollection<CompanyChange> changes, CancellationToken cancellationToken) =>
        BulkCopy.InsertAsync(db, "company_changes", ChangeColumns, changes, "", cancellationToken);
}
