using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

public sealed partial class ProfilesGrpcService
{
    private const string DeleteTimeField = "delete_time";

    public override async Task<ListCompanyChangesResponse> ListCompanyChanges(ListCompanyChangesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var before = Paging.After(request.PageToken, "page_token", violations);
        violations.ThrowIfAny();

        if (!await db.Companies.AnyAsync(c => c.Id == companyId, context.CancellationToken))
        {
            throw new ResourceNotFoundException("Company", request.CompanyId);
        }

        var query = db.CompanyChanges.AsNoTracking().Where(c => c.CompanyId == companyId);
        if (request.Fields.Count > 0)
        {
            var fields = request.Fields.ToList();
            query = query.Where(c => fields.Contains(c.Field));
        }

        if (request.Since is { } since)
        {
            var from = since.ToDateTimeOffset();
            query = query.Where(c => c.ChangedAt >= from);
        }

        if (request.Until is { } until)
        {
            var to = until.ToDateTimeOffset();
            query = query.Where(c => c.ChangedAt < to);
        }

        if (before is { } cursor)
        {
            query = query.Where(c => c.Id.CompareTo(cursor) < 0);
        }

        var page = await query.OrderByDescending(c => c.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var nextPageToken = Paging.TakePage(page, pageSize, c => c.Id);
        return new ListCompanyChangesResponse { Changes = { page.Select(c => c.ToProto()) }, NextPageToken = nextPageToken };
    }

    private async Task<Contracts.Profiles.V1.Company> AsOf(Data.Company company, DateTimeOffset asOf, string requestedId, CancellationToken cancellationToken)
    {
        if (company.CreatedAt > asOf)
        {
            throw new ResourceNotFoundException("Company", requestedId);
        }

        var changes = await NewestFirst(db.CompanyChanges.Where(c => c.CompanyId == company.Id && c.PersonId == null && c.ProjectId == null), cancellationToken);
        var past = CompanyHistory.Rewind(company.ToProto(), changes, asOf, company.CreatedAt);
        past.PurgeTime = past.DeleteTime is { } deleted ? Timestamp.FromDateTimeOffset(deleted.ToDateTimeOffset() + Data.Company.RestorePeriod) : null;
        return past;
    }

    /// <summary>People as they stood at <paramref name="asOf"/>; those added later are left out.</summary>
    private async Task<List<Person>> AsOf(IReadOnlyList<Data.Person> people, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Id).ToList();
        var changes = (await NewestFirst(db.CompanyChanges.Where(c => c.PersonId != null && ids.Contains(c.PersonId.Value)), cancellationToken))
            .ToLookup(c => c.PersonId!.Value);
        return people.Where(p => p.CreatedAt <= asOf)
            .Select(p => CompanyHistory.Rewind(p.ToProto(), changes[p.Id], asOf, p.CreatedAt, CompanyHistory.PersonPrefix))
            .ToList();
    }

    /// <summary>Projects as they stood at <paramref name="asOf"/>, their stage time included; those added later are left out.</summary>
    private async Task<List<Project>> AsOf(IReadOnlyList<Data.Project> projects, DateTimeOffset asOf, CancellationToken cancellationToken)
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

    private static async Task<List<Data.CompanyChange>> NewestFirst(IQueryable<Data.CompanyChange> changes, CancellationToken cancellationToken) =>
        await changes.AsNoTracking().OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>Who is acting: the API key the gateway vouched for. Users come with the web console.</summary>
    private string Actor() => tenants.Tenant?.KeyId is { } key ? $"api-key:{key}" : "system";
}
