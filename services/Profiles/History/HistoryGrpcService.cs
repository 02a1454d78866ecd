using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.History;

/// <summary>crm.profiles.v1.HistoryService: every change to a company, its people and its projects, newest first.</summary>
public sealed class HistoryGrpcService(ProfilesDbContext db, PageTokens pages)
    : Proto.HistoryService.HistoryServiceBase
{
    public override async Task<Proto.ListCompanyChangesResponse> ListCompanyChanges(Proto.ListCompanyChangesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        var page = pages.Read(request, violations);
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

        if (page.After is { } cursor)
        {
            query = query.Where(c => c.Id.CompareTo(cursor.Id) < 0);
        }

        var (rows, nextPageToken) = await query.OrderByDescending(c => c.Id).ToPageAsync(page, c => PageCursor.At(c.Id), context.CancellationToken);
        return new Proto.ListCompanyChangesResponse { Changes = { rows.Select(c => c.ToProto()) }, NextPageToken = nextPageToken };
    }
}
