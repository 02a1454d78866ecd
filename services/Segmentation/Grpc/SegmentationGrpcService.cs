using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.Segmentation.Data;
using CrmPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Segmentation.Grpc;

public sealed class SegmentationGrpcService(SegmentationDbContext db) : SegmentationService.SegmentationServiceBase
{
    public override async Task<Contracts.Segmentation.V1.ClientFacts> GetClientFacts(GetClientFactsRequest request, ServerCallContext context)
    {
        var companyId = ResourceId.Parse(request.CompanyId, "company_id");
        var facts = await db.ClientFacts.AsNoTracking().FirstOrDefaultAsync(f => f.CompanyId == companyId, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Client", request.CompanyId);
        return (await MergedFacts.Load(db, [facts], context.CancellationToken))[0].ToProto();
    }

    public override async Task<ListClientFactsResponse> ListClientFacts(ListClientFactsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var after = Paging.After(request.PageToken, "page_token", violations);
        violations.ThrowIfAny();

        var query = db.ClientFacts.AsNoTracking().Where(f => !f.Deleted && f.MergedIntoId == null);
        if (!string.IsNullOrEmpty(request.IndustryCode))
        {
            query = query.Where(f => f.IndustryCode == request.IndustryCode);
        }

        if (after is { } cursor)
        {
            query = query.Where(f => f.CompanyId.CompareTo(cursor) > 0);
        }

        var page = await query.OrderBy(f => f.CompanyId).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var nextPageToken = Paging.TakePage(page, pageSize, f => f.CompanyId);

        var clients = await MergedFacts.Load(db, page, context.CancellationToken);

        return new ListClientFactsResponse
        {
            Clients = { clients.Select(c => c.ToProto()) },
            NextPageToken = nextPageToken,
        };
    }
}
