using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Profiles.Data;
using CrmPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

public sealed class ProfilesGrpcService(ProfilesDbContext db, IEventOutbox outbox, TimeProvider clock)
    : ProfilesService.ProfilesServiceBase
{
    public override async Task<Contracts.Profiles.V1.Company> CreateCompany(CreateCompanyRequest request, ServerCallContext context)
    {
        CompanyValidator.Validate(request.Company, "company", new FieldViolations()).ThrowIfAny();

        var company = request.Company.ToNewCompany(clock.GetUtcNow());
        db.Companies.Add(company);
        outbox.Enqueue(new CompanyCreated(
            db.TenantId,
            company.Id,
            company.Name,
            company.Domain,
            company.IndustryCode,
            company.EmployeeCount,
            company.Headquarters.CountryCode,
            company.AccountOwner));
        await db.SaveChangesAsync(context.CancellationToken);
        return company.ToProto();
    }

    public override async Task<Contracts.Profiles.V1.Company> GetCompany(GetCompanyRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Company", request.Id);
        return company.ToProto();
    }

    public override async Task<ListCompaniesResponse> ListCompanies(ListCompaniesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var after = Paging.After(request.PageToken, "page_token", violations);
        violations.ThrowIfAny();

        var query = db.Companies.AsNoTracking();
        if (!string.IsNullOrEmpty(request.IndustryCode))
        {
            query = query.Where(c => c.IndustryCode == request.IndustryCode);
        }

        if (after is { } cursor)
        {
            query = query.Where(c => c.Id.CompareTo(cursor) > 0);
        }

        // One extra row tells whether another page follows without a count query.
        var page = await query.OrderBy(c => c.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var nextPageToken = Paging.TakePage(page, pageSize, c => c.Id);

        return new ListCompaniesResponse
        {
            Companies = { page.Select(c => c.ToProto()) },
            NextPageToken = nextPageToken,
        };
    }
}
