using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.ServiceDefaults.Grpc;
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

        var later = await db.CompanyChanges.AsNoTracking()
            .Where(c => c.CompanyId == company.Id && c.PersonId == null && c.ProjectId == null && c.ChangedAt > asOf)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        var lastChangedAt = await db.CompanyChanges.AsNoTracking()
            .Where(c => c.CompanyId == company.Id && c.PersonId == null && c.ProjectId == null && c.ChangedAt <= asOf)
            .MaxAsync(c => (DateTimeOffset?)c.ChangedAt, cancellationToken) ?? company.CreatedAt;
        return CompanyHistory.Rewind(company.ToProto(), later, lastChangedAt);
    }

    /// <summary>Who is acting: the API key the gateway vouched for. Users come with the web console.</summary>
    private string Actor() => tenants.Tenant?.KeyId is { } key ? $"api-key:{key}" : "system";
}
