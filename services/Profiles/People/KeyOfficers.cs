using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Profiles.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.People;

/// <summary>Who the company's key officers are once a person's change is saved: announced whenever that set changes.</summary>
public sealed class KeyOfficers(ProfilesDbContext db)
{
    public const string Role = "key_officer";

    public static bool Holds(Person person) => person.CurrentRoles.Contains(Role);

    public async Task<KeyOfficersChanged> After(Person changed, CancellationToken cancellationToken)
    {
        var others = await db.People.AsNoTracking()
            .Where(p => p.CompanyId == changed.CompanyId && p.Id != changed.Id && p.CurrentRoles.Contains(Role))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        if (Holds(changed))
        {
            others.Add(changed.Id);
        }

        return new KeyOfficersChanged(db.TenantId, changed.CompanyId, others.Order().ToList());
    }
}
