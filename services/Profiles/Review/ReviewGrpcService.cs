using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.History;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Review;

/// <summary>crm.profiles.v1.ReviewService: keeping profiles current: each is reviewed within the tenant's interval, and the stale ones surface.</summary>
public sealed class ReviewGrpcService(ProfilesDbContext db, LiveCompanies live, CompanyReplies replies, Actors actors, PageTokens pages, TimeProvider clock)
    : Proto.ReviewService.ReviewServiceBase
{
    private const string LastReviewField = "last_review_time";

    public override async Task<Proto.Company> MarkCompanyReviewed(Proto.MarkCompanyReviewedRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var company = await live.Find(id, request.Id, etag: null, context.CancellationToken);

        var before = company.ToProto();
        company.LastReviewedAt = clock.GetUtcNow();
        db.CompanyChanges.AddRange(CompanyHistory.Changes(company.Id, before, company.ToProto(), [LastReviewField], actors.Current, company.LastReviewedAt));
        await db.SaveChangesAsync(context.CancellationToken);
        return await replies.Of(company, context.CancellationToken);
    }

    public override async Task<Proto.ListCompaniesResponse> ListCompaniesDueForReview(Proto.ListCompaniesDueForReviewRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var policy = await db.ReviewPolicy(context.CancellationToken);
        var dueBefore = clock.GetUtcNow() - policy.Interval;
        var query = db.Companies.AsNoTracking().Where(c => c.DeletedAt == null && c.LastReviewedAt <= dueBefore);
        if (!string.IsNullOrEmpty(request.AccountOwner))
        {
            query = query.Where(c => c.AccountOwner == request.AccountOwner);
        }

        if (page.After is { } cursor)
        {
            var (reviewedAt, id) = (cursor.Time, cursor.Id);
            query = query.Where(c => c.LastReviewedAt > reviewedAt || (c.LastReviewedAt == reviewedAt && c.Id.CompareTo(id) > 0));
        }

        var (companies, nextPageToken) = await query.OrderBy(c => c.LastReviewedAt).ThenBy(c => c.Id)
            .ToPageAsync(page, c => PageCursor.At(c.LastReviewedAt, c.Id), context.CancellationToken);
        return new Proto.ListCompaniesResponse
        {
            Companies = { companies.Select(c => c.ToProto(policy)) },
            NextPageToken = nextPageToken,
        };
    }

    public override async Task<Proto.ReviewPolicy> GetReviewPolicy(Proto.GetReviewPolicyRequest request, ServerCallContext context) =>
        new() { ReviewIntervalDays = (await db.ReviewPolicy(context.CancellationToken)).ReviewIntervalDays };

    public override async Task<Proto.ReviewPolicy> UpdateReviewPolicy(Proto.UpdateReviewPolicyRequest request, ServerCallContext context)
    {
        var days = request.ReviewPolicy?.ReviewIntervalDays ?? 0;
        new FieldViolations()
            .Check(days is >= 1 and <= 3650, "review_policy.review_interval_days", "must be between 1 and 3650")
            .ThrowIfAny();

        var policy = await db.ReviewPolicies.FirstOrDefaultAsync(context.CancellationToken);
        if (policy is null)
        {
            policy = new ReviewPolicy();
            db.ReviewPolicies.Add(policy);
        }

        policy.ReviewIntervalDays = days;
        await db.SaveChangesAsync(context.CancellationToken);
        return new() { ReviewIntervalDays = policy.ReviewIntervalDays };
    }
}
