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
        var company = await db.Set<KnownCompany>()
            .FromSql($"SELECT * FROM known_companies WHERE company_id = {companyId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            db.Set<KnownCompany>().Add(new KnownCompany { CompanyId = companyId, Name = name, KnownSince = at, UpdatedAt = at });
        }
        else
        {
            company.Announced(name, at);
        }
    }

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
