using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.People;
using CrmPlatform.Profiles.Projects;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.History;

/// <summary>Companies, people and projects as they stood at a past time, rewound from the change history.</summary>
public sealed class PastVersions(ProfilesDbContext db)
{
    public async Task<Proto.Company> Of(Company company, DateTimeOffset asOf, string requestedId, CancellationToken cancellationToken)
    {
        if (company.CreatedAt > asOf)
        {
            throw new ResourceNotFoundException("Company", requestedId);
        }

        var changes = await NewestFirst(db.CompanyChanges.Where(c => c.CompanyId == company.Id && c.PersonId == null && c.ProjectId == null), cancellationToken);
        var past = CompanyHistory.Rewind(company.ToProto(), changes, asOf, company.CreatedAt);
        past.PurgeTime = past.DeleteTime is { } deleted ? Timestamp.FromDateTimeOffset(deleted.ToDateTimeOffset() + Company.RestorePeriod) : null;
        return past;
    }

    /// <summary>People as they stood at <paramref name="asOf"/>; those added later are left out.</summary>
    public async Task<List<Proto.Person>> Of(IReadOnlyList<Person> people, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Id).ToList();
        var changes = (await NewestFirst(db.CompanyChanges.Where(c => c.PersonId != null && ids.Contains(c.PersonId.Value)), cancellationToken))
            .ToLookup(c => c.PersonId!.Value);
        return people.Where(p => p.CreatedAt <= asOf)
            .Select(p => CompanyHistory.Rewind(p.ToProto(), changes[p.Id], asOf, p.CreatedAt, CompanyHistory.PersonPrefix))
            .ToList();
    }

    /// <summary>Projects as they stood at <paramref name="asOf"/>, their stage time included; those added later are left out.</summary>
    public async Task<List<Proto.Project>> Of(IReadOnlyList<Project> projects, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var ids = projects.Select(p => p.Id).ToList();
        var changes = (await NewestFirst(db.CompanyChanges.Where(c => c.ProjectId != null && ids.Contains(c.ProjectId.Value)), cancellationToken))
            .ToLookup(c => c.ProjectId!.Value);
        return projects.Where(p => p.CreatedAt <= asOf).Select(p =>
        {
            var past = CompanyHistory.Rewind(p.ToProto(), changes[p.Id], asOf, p.CreatedAt, CompanyHistory.ProjectPrefix);
            var stageChangedAt = changes[p.Id].Where(c => c.Field == CompanyHistory.ProjectPrefix + "stage" && c.ChangedAt <= asOf).Select(c => (DateTimeOffset?)c.ChangedAt).FirstOrDefault();
            past.StageTime = Timestamp.FromDateTimeOffset(stageChangedAt ?? p.CreatedAt);
            return past;
        }).ToList();
    }

    private static async Task<List<CompanyChange>> NewestFirst(IQueryable<CompanyChange> changes, CancellationToken cancellationToken) =>
        await changes.AsNoTracking().OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
}
