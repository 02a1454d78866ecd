using System.Diagnostics;
using CrmPlatform.Contracts.Profiles.V1;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// The raw baseline: one binary COPY of the same rows straight into <c>companies</c>, as the
/// superuser (row-level security does not apply), with nothing else written: no validation, no
/// upsert, no per-row report, no events. The columns and stored forms are those of
/// services/Profiles/Import/CompanyCopy.cs and CompanyMapper.CopyFrom.
/// </summary>
public static class CopyImport
{
    private static readonly (string Name, NpgsqlDbType Type)[] Columns =
    [
        ("tenant_id", NpgsqlDbType.Uuid), ("id", NpgsqlDbType.Uuid), ("name", NpgsqlDbType.Varchar),
        ("legal_name", NpgsqlDbType.Varchar), ("external_id", NpgsqlDbType.Varchar), ("registration_number", NpgsqlDbType.Varchar),
        ("website", NpgsqlDbType.Varchar), ("domain", NpgsqlDbType.Varchar), ("industry_code", NpgsqlDbType.Varchar),
        ("industry_label", NpgsqlDbType.Varchar), ("employee_count", NpgsqlDbType.Integer), ("annual_revenue", NpgsqlDbType.Numeric),
        ("revenue_currency", NpgsqlDbType.Varchar), ("parent_company_id", NpgsqlDbType.Uuid), ("financial_status", NpgsqlDbType.Jsonb),
        ("owners", NpgsqlDbType.Jsonb), ("addresses", NpgsqlDbType.Jsonb), ("custom_fields", NpgsqlDbType.Jsonb),
        ("strategy", NpgsqlDbType.Jsonb), ("headquarters_lines", NpgsqlDbType.Array | NpgsqlDbType.Text),
        ("headquarters_city", NpgsqlDbType.Varchar), ("headquarters_region", NpgsqlDbType.Varchar),
        ("headquarters_postal_code", NpgsqlDbType.Varchar), ("headquarters_country_code", NpgsqlDbType.Varchar),
        ("phone", NpgsqlDbType.Varchar), ("email", NpgsqlDbType.Varchar), ("account_owner", NpgsqlDbType.Varchar),
        ("lifecycle_stage", NpgsqlDbType.Varchar), ("tags", NpgsqlDbType.Array | NpgsqlDbType.Text),
        ("created_at", NpgsqlDbType.TimestampTz), ("updated_at", NpgsqlDbType.TimestampTz),
        ("last_reviewed_at", NpgsqlDbType.TimestampTz), ("deleted_at", NpgsqlDbType.TimestampTz),
    ];

    public static async Task<TimeSpan> Run(string superuserConnectionString, Guid tenantId, IReadOnlyList<Company> companies)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY companies ({string.Join(", ", Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)"))
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var company in companies)
            {
                await writer.StartRowAsync();
                foreach (var (value, (_, type)) in Values(company, tenantId, now).Zip(Columns))
                {
                    if (value is null)
                    {
                        await writer.WriteNullAsync();
                    }
                    else
                    {
                        await writer.WriteAsync(value, type);
                    }
                }
            }

            await writer.CompleteAsync();
        }

        clock.Stop();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM companies WHERE tenant_id = $1", connection) { Parameters = { new() { Value = tenantId } } };
        var copied = (long)(await count.ExecuteScalarAsync())!;
        if (copied != companies.Count)
        {
            throw new InvalidOperationException($"COPY of {companies.Count:N0} rows left {copied:N0} in the table.");
        }

        return clock.Elapsed;
    }

    /// <summary>One row's values in <see cref="Columns"/> order, normalised as the importer stores them.</summary>
    private static object?[] Values(Company c, Guid tenantId, DateTimeOffset now) =>
    [
        tenantId, Guid.CreateVersion7(), c.Name.Trim(),
        Blank(c.LegalName), Blank(c.ExternalId), Blank(c.RegistrationNumber),
        Blank(c.Website), Blank(c.Domain)?.ToLowerInvariant(), Blank(c.Industry?.Code),
        Blank(c.Industry?.Label), c.EmployeeCount == 0 ? null : c.EmployeeCount, null,
        null, null, null,
        null, null, null,
        null, c.Headquarters.Lines.Select(l => l.Trim()).ToArray(),
        Blank(c.Headquarters.City), Blank(c.Headquarters.Region),
        Blank(c.Headquarters.PostalCode), Blank(c.Headquarters.CountryCode)?.ToUpperInvariant(),
        Blank(c.Phone), Blank(c.Email)?.ToLowerInvariant(), Blank(c.AccountOwner),
        c.LifecycleStage.ToString(), c.Tags.Select(t => t.Trim().ToLowerInvariant()).Distinct().ToArray(),
        now, now,
        now, null,
    ];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
