using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.Updates;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Companies;

/// <summary>Companies a change may touch: they exist, are not deleted or merged, and are at the version the caller saw.</summary>
public sealed class LiveCompanies(ProfilesDbContext db)
{
    /// <summary>The tracked company, refused when deleted, merged, or changed since <paramref name="etag"/> (when given).</summary>
    public async Task<Company> Find(Guid id, string requestedId, string? etag, CancellationToken cancellationToken)
    {
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new ResourceNotFoundException("Company", requestedId);
        Check(company, requestedId, etag);
        return company;
    }

    /// <summary>Refuses a deleted (or merged) company, and one changed since the version the caller saw when it says which.</summary>
    public static void Check(Company company, string requestedId, string? etag)
    {
        if (company.DeletedAt is not null)
        {
            throw new PreconditionFailedException(company.MergedIntoId is { } into
                ? $"Company '{requestedId}' was merged into '{into}'."
                : $"Company '{requestedId}' is deleted; undelete it first.");
        }

        Updatable.CheckEtag("Company", requestedId, etag, company.Etag);
    }
}
