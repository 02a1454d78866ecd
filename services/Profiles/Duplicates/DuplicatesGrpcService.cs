using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Duplicates;

/// <summary>crm.profiles.v1.DuplicatesService: two records of one client, found, each pair with a score and its reasons.</summary>
public sealed class DuplicatesGrpcService(ProfilesDbContext db)
    : Proto.DuplicatesService.DuplicatesServiceBase
{
    private const int MaxDuplicates = 100;

    public override async Task<Proto.FindDuplicateCompaniesResponse> FindDuplicateCompanies(Proto.FindDuplicateCompaniesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = string.IsNullOrEmpty(request.CompanyId) ? (Guid?)null : ResourceId.Parse(request.CompanyId, "company_id", violations);
        if (request.MinScore is < 0 or > 1 || double.IsNaN(request.MinScore))
        {
            violations.Add("min_score", "must be between 0 and 1");
        }

        if (request.PageSize < 0)
        {
            violations.Add("page_size", "must not be negative");
        }

        violations.ThrowIfAny();
        var minScore = request.MinScore == 0 ? 0.5 : request.MinScore;
        var limit = request.PageSize == 0 ? 20 : Math.Min(request.PageSize, MaxDuplicates);

        var finder = new DuplicateFinder(db);
        List<DuplicateFinder.Candidate> candidates;
        if (companyId is { } id)
        {
            var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken)
                ?? throw new ResourceNotFoundException("Company", request.CompanyId);
            if (company.DeletedAt is not null)
            {
                throw new PreconditionFailedException($"Company '{request.CompanyId}' is deleted.");
            }

            candidates = await finder.Of(company, minScore, limit, context.CancellationToken);
        }
        else
        {
            candidates = await finder.Pairs(minScore, limit, context.CancellationToken);
        }

        var policy = await db.ReviewPolicy(context.CancellationToken);
        return new Proto.FindDuplicateCompaniesResponse
        {
            Candidates =
            {
                candidates.Select(c => new Proto.DuplicateCandidate
                {
                    Company = c.Company.ToProto(policy),
                    Duplicate = c.Duplicate.ToProto(policy),
                    Score = c.Score,
                    Reasons = { c.Reasons.Select(r => r.ToProto()) },
                }),
            },
        };
    }
}
