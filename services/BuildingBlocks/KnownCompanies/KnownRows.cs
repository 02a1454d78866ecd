using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.KnownCompanies;

/// <summary>
/// The known row an event is about, locked for the rest of the inbox's transaction so events of one
/// company or person apply in turn instead of overwriting each other; a new row when none exists
/// yet (two first events racing to insert collide on the key, and the loser is retried).
/// </summary>
internal static class KnownRows
{
    public static async Task AnnounceCompany(this TenantDbContext db, Guid companyId, string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var company = await db.LockCompany(companyId, cancellationToken);
        if (company is null)
        {
            db.Set<KnownCompany>().Add(new KnownCompany { CompanyId = companyId, Name = name, KnownSince = at, UpdatedAt = at });
        }
        else
        {
            company.Announced(name, at);
        }
    }

    /// <summary>
    /// A creation is nearly always the company's first event: inserting straight away is one round
    /// trip where looking first is two. A row already there (an update came first, or the event
    /// is a redelivery that found its inbox row gone) takes the announcement as any other would.
    /// </summary>
    public static async Task AnnounceNewCompany(this TenantDbContext db, Guid companyId, string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO known_companies (tenant_id, company_id, name, known_since, updated_at)
            VALUES ({db.TenantId}, {companyId}, {name}, {at}, {at})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        if (inserted == 0)
        {
            await db.AnnounceCompany(companyId, name, at, cancellationToken);
        }
    }

    private static Task<KnownCompany?> LockCompany(this TenantDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        db.Set<KnownCompany>()
            .FromSql($"SELECT * FROM known_companies WHERE company_id = {companyId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static async Task<KnownPerson> LockPerson(this TenantDbContext db, Guid personId, Guid companyId, CancellationToken cancellationToken)
    {
        var person = await db.Set<KnownPerson>()
            .FromSql($"SELECT * FROM known_people WHERE person_id = {personId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            person = new KnownPerson { PersonId = personId, CompanyId = companyId };
            db.Set<KnownPerson>().Add(person);
        }

        return person;
    }
}
