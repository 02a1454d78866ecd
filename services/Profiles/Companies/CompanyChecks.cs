using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Data;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Companies;

/// <summary>What a company is checked against beyond its own fields: today's date, the tenant's custom fields, the companies it names.</summary>
public sealed class CompanyChecks(ProfilesDbContext db, TimeProvider clock)
{
    public Task<CompanyRules> Rules(CancellationToken cancellationToken) => CompanyRules.Load(db, clock.Today(), cancellationToken);

    /// <summary>Companies a company names (its parent, owners that are companies) must be the tenant's own and live.</summary>
    public async Task References(Proto.Company company, CancellationToken cancellationToken)
    {
        var named = CompanyValidator.ReferencedCompanies(company).Select(r => r.Id).Distinct().ToList();
        if (named.Count == 0)
        {
            return;
        }

        var known = await db.Companies.Where(c => named.Contains(c.Id) && c.DeletedAt == null).Select(c => c.Id).ToListAsync(cancellationToken);
        var missing = named.Except(known).ToList();
        if (missing.Count > 0)
        {
            throw new ResourceNotFoundException("Company", missing[0].ToString());
        }
    }

    /// <summary>Saves; an external id another company already has is the caller's mistake, not a fault.</summary>
    public async Task Save(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("ix_companies_tenant_id_external_id"))
        {
            throw new FieldViolations().Add("company.external_id", "is already the external id of another company").ToException();
        }
    }
}
