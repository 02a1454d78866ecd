using CrmPlatform.Profiles.Data;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Companies;

/// <summary>A company as answered: its review due date comes from the tenant's review policy.</summary>
public sealed class CompanyReplies(ProfilesDbContext db)
{
    public async Task<Proto.Company> Of(Company company, CancellationToken cancellationToken) =>
        company.ToProto(await db.ReviewPolicy(cancellationToken));
}
