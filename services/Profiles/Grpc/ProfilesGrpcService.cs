using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Profiles.Data;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Grpc;
using CrmPlatform.Tenancy;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>crm.profiles.v1; companies here, their history in ProfilesGrpcService.History.cs.</summary>
public sealed partial class ProfilesGrpcService(ProfilesDbContext db, IEventOutbox outbox, ITenantContextAccessor tenants, TimeProvider clock)
    : ProfilesService.ProfilesServiceBase
{
    public override async Task<Contracts.Profiles.V1.Company> CreateCompany(CreateCompanyRequest request, ServerCallContext context)
    {
        var violations = CompanyValidator.Validate(request.Company, "company", new FieldViolations(), await Rules(context.CancellationToken));
        violations.MaxLength("request_id", request.RequestId, 100).ThrowIfAny();
        await CheckReferences(request.Company, context.CancellationToken);

        var idempotency = Idempotency.For("CreateCompany", request.RequestId, request.Company);
        if (await idempotency.Replay(db, context.CancellationToken) is { } createdBefore)
        {
            return await Reply(await db.Companies.AsNoTracking().FirstAsync(c => c.Id == createdBefore, context.CancellationToken), context.CancellationToken);
        }

        var company = request.Company.ToNewCompany(clock.GetUtcNow());
        db.Companies.Add(company);
        idempotency.Record(db, company.Id, company.CreatedAt);
        company.TenantId = db.TenantId;
        outbox.Enqueue(CompanyEvents.Created(company));
        try
        {
            await SaveCompany(context.CancellationToken);
        }
        catch (DbUpdateException) when (idempotency.IsKeyed)
        {
            // A concurrent retry with the same key won the race: answer as it did.
            db.ChangeTracker.Clear();
            var winner = await idempotency.Replay(db, context.CancellationToken) ?? throw new InvalidOperationException("The idempotency record vanished.");
            return await Reply(await db.Companies.AsNoTracking().FirstAsync(c => c.Id == winner, context.CancellationToken), context.CancellationToken);
        }

        return await Reply(company, context.CancellationToken);
    }

    public override async Task<Contracts.Profiles.V1.Company> GetCompany(GetCompanyRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Company", request.Id);
        return request.AsOfTime is { } asOf
            ? await AsOf(company, asOf.ToDateTimeOffset(), request.Id, context.CancellationToken)
            : await Reply(company, context.CancellationToken);
    }

    public override async Task<ListCompaniesResponse> ListCompanies(ListCompaniesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var after = Paging.After(request.PageToken, "page_token", violations);
        violations.ThrowIfAny();

        var query = db.Companies.AsNoTracking();
        if (!request.ShowDeleted)
        {
            query = query.Where(c => c.DeletedAt == null);
        }

        if (!string.IsNullOrEmpty(request.IndustryCode))
        {
            query = query.Where(c => c.IndustryCode == request.IndustryCode);
        }

        if (request.LifecycleStage != Contracts.Profiles.V1.LifecycleStage.Unspecified)
        {
            var stage = (Data.LifecycleStage)request.LifecycleStage;
            query = query.Where(c => c.LifecycleStage == stage);
        }

        if (!string.IsNullOrEmpty(request.AccountOwner))
        {
            query = query.Where(c => c.AccountOwner == request.AccountOwner);
        }

        if (!string.IsNullOrEmpty(request.Tag))
        {
            var tag = request.Tag.Trim().ToLowerInvariant();
            query = query.Where(c => c.Tags.Contains(tag));
        }

        if (!string.IsNullOrEmpty(request.CountryCode))
        {
            var country = request.CountryCode.ToUpperInvariant();
            query = query.Where(c => c.Headquarters.CountryCode == country);
        }

        if (request.UpdatedSince is { } since)
        {
            var sinceTime = since.ToDateTimeOffset();
            query = query.Where(c => c.UpdatedAt >= sinceTime);
        }

        if (after is { } cursor)
        {
            query = query.Where(c => c.Id.CompareTo(cursor) > 0);
        }

        // One extra row tells whether another page follows without a count query.
        var page = await query.OrderBy(c => c.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var nextPageToken = Paging.TakePage(page, pageSize, c => c.Id);
        var policy = await db.ReviewPolicy(context.CancellationToken);

        return new ListCompaniesResponse
        {
            Companies = { page.Select(c => c.ToProto(policy)) },
            NextPageToken = nextPageToken,
        };
    }

    public override async Task<Contracts.Profiles.V1.Company> UpdateCompany(UpdateCompanyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.Company is null)
        {
            violations.Add("company", "is required").ThrowIfAny();
        }

        var id = ResourceId.Parse(request.Company!.Id, "company.id", violations);
        var mask = Updatable.Company.Resolve(request.UpdateMask, request.Company, violations);
        violations.ThrowIfAny();

        var company = await Live(id, request.Company.Id, request.Company.Etag, context.CancellationToken);
        var before = company.ToProto();
        var after = UpdatableFields<Contracts.Profiles.V1.Company>.Apply(mask, request.Company, before);
        CompanyValidator.Validate(after, "company", new FieldViolations(), await Rules(context.CancellationToken)).ThrowIfAny();
        await CheckReferences(after, context.CancellationToken);

        company.CopyFrom(after);
        var changed = Updatable.Company.Changed(before, company.ToProto());
        if (changed.Count == 0)
        {
            return await Reply(company, context.CancellationToken);
        }

        company.UpdatedAt = clock.GetUtcNow();
        db.CompanyChanges.AddRange(CompanyHistory.Changes(company.Id, before, company.ToProto(), changed, Actor(), company.UpdatedAt));
        foreach (var updated in CompanyEvents.Updated(company, changed, after.Ownership))
        {
            outbox.Enqueue(updated);
        }

        await SaveCompany(context.CancellationToken);

        return await Reply(company, context.CancellationToken);
    }

    public override async Task<Contracts.Profiles.V1.Company> DeleteCompany(DeleteCompanyRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var company = await Live(id, request.Id, request.Etag, context.CancellationToken);

        var now = clock.GetUtcNow();
        var before = company.ToProto();
        company.DeletedAt = now;
        company.UpdatedAt = now;
        db.CompanyChanges.AddRange(CompanyHistory.Changes(company.Id, before, company.ToProto(), [DeleteTimeField], Actor(), now));
        outbox.Enqueue(new CompanyDeleted(db.TenantId, company.Id, company.PurgeAt!.Value));
        await db.SaveChangesAsync(context.CancellationToken);
        return await Reply(company, context.CancellationToken);
    }

    public override async Task<Contracts.Profiles.V1.Company> UndeleteCompany(UndeleteCompanyRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var now = clock.GetUtcNow();
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken);
        if (company is null || company.PurgeAt <= now)
        {
            throw new ResourceNotFoundException("Company", request.Id);
        }

        if (company.DeletedAt is null)
        {
            throw new PreconditionFailedException($"Company '{request.Id}' is not deleted.");
        }

        if (company.MergedIntoId is { } survivor)
        {
            throw new PreconditionFailedException($"Company '{request.Id}' was merged into '{survivor}'; undo the merge to bring it back.");
        }

        var before = company.ToProto();
        company.DeletedAt = null;
        company.UpdatedAt = now;
        db.CompanyChanges.AddRange(CompanyHistory.Changes(company.Id, before, company.ToProto(), [DeleteTimeField], Actor(), now));
        outbox.Enqueue(new CompanyRestored(db.TenantId, company.Id));
        await db.SaveChangesAsync(context.CancellationToken);
        return await Reply(company, context.CancellationToken);
    }

    private Task<CompanyRules> Rules(CancellationToken cancellationToken) => CompanyRules.Load(db, Today(), cancellationToken);

    /// <summary>Companies a company names (its parent, owners that are companies) must be the tenant's own.</summary>
    private async Task CheckReferences(Contracts.Profiles.V1.Company company, CancellationToken cancellationToken)
    {
        var named = CompanyValidator.ReferencedCompanies(company).Select(r => r.Id).Distinct().ToList();
        if (named.Count == 0)
        {
            return;
        }

        var known = await db.Companies.Where(c => named.Contains(c.Id) && c.DeletedAt == null).Select(c => c.Id).ToListAsync(cancellationToken);
        var missing = named.Except(known).ToList();
        if (missing.Count > 0)
        {
            throw new ResourceNotFoundException("Company", missing[0].ToString());
        }
    }

    /// <summary>Saves a company; an external id another company already has is the caller's mistake, not a fault.</summary>
    private async Task SaveCompany(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("ix_companies_tenant_id_external_id"))
        {
            throw new FieldViolations().Add("company.external_id", "is already the external id of another company").ToException();
        }
    }

    private async Task<Contracts.Profiles.V1.Company> Reply(Data.Company company, CancellationToken cancellationToken) =>
        company.ToProto(await db.ReviewPolicy(cancellationToken));

    /// <summary>A company that exists and is not deleted, at the version the caller last saw when it says which.</summary>
    private async Task<Data.Company> Live(Guid id, string requestedId, string? etag, CancellationToken cancellationToken)
    {
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new ResourceNotFoundException("Company", requestedId);
        CheckLive(company, requestedId, etag);
        return company;
    }

    /// <summary>Refuses a deleted (or merged) company, and one changed since the version the caller saw when it says which.</summary>
    private static void CheckLive(Data.Company company, string requestedId, string? etag)
    {
        if (company.DeletedAt is not null)
        {
            throw new PreconditionFailedException(company.MergedIntoId is { } into
                ? $"Company '{requestedId}' was merged into '{into}'."
                : $"Company '{requestedId}' is deleted; undelete it first.");
        }

        Updatable.CheckEtag("Company", requestedId, etag, company.Etag);
    }
}
