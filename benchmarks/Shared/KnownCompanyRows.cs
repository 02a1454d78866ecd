using Npgsql;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// Companies a service knows, as its KnownCompanies consumer would have stored them from Profiles'
/// events (services/BuildingBlocks/KnownCompanies): a service records its own rows only against
/// companies known there. Written by binary COPY as the superuser (row-level security refuses COPY).
/// </summary>
public static class KnownCompanyRows
{
    public static async Task Copy(string superuser, Guid tenantId, IEnumerable<(Guid Id, string Name)> companies)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY known_companies (tenant_id, company_id, name, known_since, updated_at) FROM STDIN (FORMAT BINARY)");
        var now = DateTimeOffset.UtcNow.AddYears(-3);
        foreach (var (id, name) in companies)
        {
            await writer.WriteRowAsync(default, tenantId, id, name, now, now);
        }

        await writer.CompleteAsync();
    }
}
