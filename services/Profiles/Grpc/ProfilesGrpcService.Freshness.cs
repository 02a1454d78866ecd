using System.Buffers.Binary;
using System.Buffers.Text;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>Keeping profiles current: each is reviewed within the tenant's interval, and the stale ones surface.</summary>
public sealed partial class ProfilesGrpcService
{
    private const string LastReviewField = "last_review_time";

    public override async Task<Contracts.Profiles.V1.Company> MarkCompanyReviewed(MarkCompanyReviewedRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var company = await Live(id, request.Id, etag: null, context.CancellationToken);

        var before = company.ToProto();
        company.LastReviewedAt = clock.GetUtcNow();
        db.CompanyChanges.AddRange(CompanyHistory.Changes(company.Id, before, company.ToProto(), [LastReviewField], Actor(), company.LastReviewedAt));
        await db.SaveChangesAsync(context.CancellationToken);
        return await Reply(company, context.CancellationToken);
    }

    public override async Task<ListCompaniesResponse> ListCompaniesDueForReview(ListCompaniesDueForReviewRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var after = ReviewCursor.Read(request.PageToken, violations);
        violations.ThrowIfAny();

        var policy = await db.ReviewPolicy(context.CancellationToken);
        var dueBefore = clock.GetUtcNow() - policy.Interval;
        var query = db.Companies.AsNoTracking().Where(c => c.DeletedAt == null && c.LastReviewedAt <= dueBefore);
        if (!string.IsNullOrEmpty(request.AccountOwner))
        {
            query = query.Where(c => c.AccountOwner == request.AccountOwner);
        }

        if (after is var (reviewedAt, id))
        {
            query = query.Where(c => c.LastReviewedAt > reviewedAt || (c.LastReviewedAt == reviewedAt && c.Id.CompareTo(id) > 0));
        }

        var page = await query.OrderBy(c => c.LastReviewedAt).ThenBy(c => c.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var more = page.Count > pageSize;
        var companies = page.Take(pageSize).ToList();
        return new ListCompaniesResponse
        {
            Companies = { companies.Select(c => c.ToProto(policy)) },
            NextPageToken = more ? ReviewCursor.Write(companies[^1].LastReviewedAt, companies[^1].Id) : "",
        };
    }

    public override async Task<Contracts.Profiles.V1.ReviewPolicy> GetReviewPolicy(GetReviewPolicyRequest request, ServerCallContext context) =>
        new() { ReviewIntervalDays = (await db.ReviewPolicy(context.CancellationToken)).ReviewIntervalDays };

    public override async Task<Contracts.Profiles.V1.ReviewPolicy> UpdateReviewPolicy(UpdateReviewPolicyRequest request, ServerCallContext context)
    {
        var days = request.ReviewPolicy?.ReviewIntervalDays ?? 0;
        new FieldViolations()
            .Check(days is >= 1 and <= 3650, "review_policy.review_interval_days", "must be between 1 and 3650")
            .ThrowIfAny();

        var policy = await db.ReviewPolicies.FirstOrDefaultAsync(context.CancellationToken);
        if (policy is null)
        {
            policy = new Data.ReviewPolicy();
            db.ReviewPolicies.Add(policy);
        }

        policy.ReviewIntervalDays = days;
        await db.SaveChangesAsync(context.CancellationToken);
        return new() { ReviewIntervalDays = policy.ReviewIntervalDays };
    }

    /// <summary>The due list is ordered by last review, so its page token carries that time with the id.</summary>
    private static class ReviewCursor
    {
        public static string Write(DateTimeOffset reviewedAt, Guid id)
        {
            Span<byte> bytes = stackalloc byte[24];
            BinaryPrimitives.WriteInt64BigEndian(bytes, reviewedAt.UtcTicks);
            id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
            return Base64Url.EncodeToString(bytes);
        }

        public static (DateTimeOffset ReviewedAt, Guid Id)? Read(string token, FieldViolations violations)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            Span<byte> bytes = stackalloc byte[24];
            if (Base64Url.IsValid(token, out var length) && length == 24 && Base64Url.TryDecodeFromChars(token, bytes, out _))
            {
                var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
                if (ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
                {
                    return (new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[8..], bigEndian: true));
                }
            }

            violations.Add("page_token", "is not a page token this service issued");
            return null;
        }
    }
}
