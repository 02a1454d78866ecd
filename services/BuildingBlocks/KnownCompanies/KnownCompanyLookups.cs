using CrmPlatform.GrpcConventions;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.KnownCompanies;

public static class KnownCompanyLookups
{
    /// <summary>Longer than any chain of merges a tenant makes; a walk past it has met a cycle.</summary>
    private const int MaxMergeChain = 100;

    /// <summary>Another tenant's company, or one Profiles never announced, is NotFound under the id the caller gave.</summary>
    public static async Task RequireKnownCompany(this TenantDbContext db, Guid companyId, string requestedId, CancellationToken cancellationToken)
    {
        if (!await db.Set<KnownCompany>().AnyAsync(c => c.CompanyId == companyId, cancellationToken))
        {
            throw new ResourceNotFoundException("Company", requestedId);
        }
    }

    /// <summary>The company new rows for <paramref name="companyId"/> belong to: its survivor while it is merged, else itself.</summary>
    public static async Task<Guid> CurrentCompany(this TenantDbContext db, Guid companyId, CancellationToken cancellationToken)
    {
        var id = companyId;
        // A chain (a merged into b, b into c) ends at the company not merged into any other.
        for (var hops = 0; hops < MaxMergeChain; hops++)
        {
            var survivor = await db.Set<CompanyRepoint>().Where(r => r.MergedId == id).Select(r => (Guid?)r.SurvivorId).FirstOrDefaultAsync(cancellationToken);
            if (survivor is null)
            {
                return id;
            }

            id = survivor.Value;
        }

        throw new InvalidOperationException($"Company {companyId} is in a merge cycle.");
    }
}
