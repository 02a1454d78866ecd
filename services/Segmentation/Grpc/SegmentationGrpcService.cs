using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.Segmentation.Data;
using CrmPlatform.Segmentation.Domain;
using CrmPlatform.GrpcConventions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Segmentation.Grpc;

public sealed class SegmentationGrpcService(SegmentationDbContext db, PageTokens pages) : SegmentationService.SegmentationServiceBase
{
    public override async Task<Contracts.Segmentation.V1.CompanyFacts> GetCompanyFacts(GetCompanyFactsRequest request, ServerCallContext context)
    {
        var companyId = ResourceId.Parse(request.CompanyId, "company_id");
        var facts = await db.CompanyFacts.AsNoTracking().FirstOrDefaultAsync(f => f.CompanyId == companyId, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Company", request.CompanyId);
        return (await WithMerged([facts], context.CancellationToken))[0].ToProto();
    }

    public override async Task<ListCompanyFactsResponse> ListCompanyFacts(ListCompanyFactsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var query = db.CompanyFacts.AsNoTracking().Where(f => !f.Deleted && f.MergedIntoId == null);
        if (!string.IsNullOrEmpty(request.IndustryCode))
        {
            query = query.Where(f => f.IndustryCode == request.IndustryCode);
        }

        if (page.After is { } cursor)
        {
            query = query.Where(f => f.CompanyId.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(f => f.CompanyId).ToPageAsync(page, f => PageCursor.At(f.CompanyId), context.CancellationToken);

        var companies = await WithMerged(rows, context.CancellationToken);

        return new ListCompanyFactsResponse
        {
            Clients = { companies.Select(c => c.ToProto()) },
            NextPageToken = nextPageToken,
        };
    }

    /// <summary>Each company with the facts of the companies merged into it and the invoiced totals of all.</summary>
    private async Task<List<MergedFacts>> WithMerged(IReadOnlyList<Data.CompanyFacts> companies, CancellationToken cancellationToken)
    {
        var merged = await MergeTree.Walk(
            companies.Select(c => c.CompanyId),
            parents => db.CompanyFacts.AsNoTracking()
                .Where(f => f.MergedIntoId != null && parents.Contains(f.MergedIntoId.Value))
                .ToListAsync(cancellationToken));
        var companyIds = companies.Select(c => c.CompanyId).Concat(merged.Select(m => m.Facts.CompanyId)).ToList();
        var totals = await db.InvoicedTotals.AsNoTracking().Where(t => companyIds.Contains(t.CompanyId)).ToListAsync(cancellationToken);
        return MergedFacts.Fold(companies, merged, totals);
    }
}
