using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.History;
using CrmPlatform.Profiles.Updates;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Companies;

/// <summary>crm.profiles.v1.CompaniesService: a client company's profile, created, read, listed, changed, deleted and brought back.</summary>
public sealed class CompaniesGrpcService(ProfilesDbContext db, IEventOutbox outbox, LiveCompanies live, CompanyChecks checks, CompanyReplies replies, PastVersions versions, Actors actors, PageTokens pages, TimeProvider clock)
    : Proto.CompaniesService.CompaniesServiceBase
{
    public override async Task<Proto.Company> CreateCompany(Proto.CreateCompanyRequest request, ServerCallContext context)
    {
        var violations = CompanyValidator.Validate(request.Company, "company", new FieldViolations(), await checks.Rules(context.CancellationToken));
        violations.MaxLength("request_id", request.RequestId, 100).ThrowIfAny();
        await checks.References(request.Company, context.CancellationToken);

        var idempotency = Idempotency.For("CreateCompany", request.RequestId);
        var requestHash = Idempotency.Hash(request.Company);
        if (await idempotency.Replay(db, requestHash, context.CancellationToken) is { } createdBefore)
        {
            return await replies.Of(await db.Companies.AsNoTracking().FirstAsync(c => c.Id == createdBefore, context.CancellationToken), context.CancellationToken);
        }

        var company = request.Company.ToNewCompany(clock.GetUtcNow());
        db.Companies.Add(company);
        idempotency.Record(db, company.Id, requestHash, company.CreatedAt);
        company.TenantId = db.TenantId;
        outbox.Enqueue(CompanyEvents.Created(company));
        try
        {
            await checks.Save(context.CancellationToken);
        }
        catch (DbUpdateException) when (idempotency.IsKeyed)
        {
            // A concurrent retry with the same key won the race: answer as it did.
            db.ChangeTracker.Clear();
            var winner = await idempotency.Replay(db, requestHash, context.CancellationToken) ?? throw new InvalidOperationException("The idempotency record vanished.");
            return await replies.Of(await db.Companies.AsNoTracking().FirstAsync(c => c.Id == winner, context.CancellationToken), context.CancellationToken);
        }

        return await replies.Of(company, context.CancellationToken);
    }

    public override async Task<Proto.Company> GetCompany(Proto.GetCompanyRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Company", request.Id);
        return request.AsOfTime is { } asOf
            ? await versions.Of(company, asOf.ToDateTimeOffset(), request.Id, context.CancellationToken)
            : await replies.Of(company, context.CancellationToken);
    }

    public override async Task<Proto.ListCompaniesResponse> ListCompanies(Proto.ListCompaniesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = pages.Read(request, violations);
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

        if (request.LifecycleStage != Proto.LifecycleStage.Unspecified)
        {
            var stage = (LifecycleStage)request.LifecycleStage;
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

        if (page.After is { } cursor)
        {
            query = query.Where(c => c.Id.CompareTo(cursor.Id) > 0);
        }

        // One extra row tells whether another page follows without a count query.
        var (rows, nextPageToken) = await query.OrderBy(c => c.Id).ToPageAsync(page, c => PageCursor.At(c.Id), context.CancellationToken);
        var policy = await db.ReviewPolicy(context.CancellationToken);

        return new Proto.ListCompaniesResponse
        {
            Companies = { rows.Select(c => c.ToProto(policy)) },
            NextPageToken = nextPageToken,
        };
    }

    public override async Task<Proto.Company> UpdateCompany(Proto.UpdateCompanyRequest request, ServerCallContext context)
    {
        var (company, before, after) = await Updatable.Company.Open(
            "Company", "company", request.Company, request.UpdateMask, db.Companies, c => c.ToProto(), context.CancellationToken,
            checkLive: (c, id) => LiveCompanies.Check(c, id, etag: null));
        CompanyValidator.Validate(after, "company", new FieldViolations(), await checks.Rules(context.CancellationToken)).ThrowIfAny();
        await checks.References(after, context.CancellationToken);

        company.CopyFrom(after);
        var changed = Updatable.Company.Changed(before, company.ToProto());
        if (changed.Count == 0)
        {
            return await replies.Of(company, context.CancellationToken);
        }

        company.UpdatedAt = clock.GetUtcNow();
        db.CompanyChanges.AddRange(CompanyHistory.Changes(company.Id, before, company.ToProto(), changed, actors.Current, company.UpdatedAt));
        foreach (var updated in CompanyEvents.Updated(company, changed, after.Ownership))
        {
            outbox.Enqueue(updated);
        }

        await checks.Save(context.CancellationToken);

        return await replies.Of(company, context.CancellationToken);
    }

    public override async Task<Proto.Company> DeleteCompany(Proto.DeleteCompanyRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var company = await live.Find(id, request.Id, request.Etag, context.CancellationToken);

        var now = clock.GetUtcNow();
        var before = company.ToProto();
        company.DeletedAt = now;
        company.UpdatedAt = now;
        db.CompanyChanges.AddRange(CompanyHistory.Changes(company.Id, before, company.ToProto(), [CompanyHistory.DeleteTimeField], actors.Current, now));
        outbox.Enqueue(new CompanyDeleted(db.TenantId, company.Id, company.PurgeAt!.Value));
        await db.SaveChangesAsync(context.CancellationToken);
        return await replies.Of(company, context.CancellationToken);
    }

    public override async Task<Proto.Company> UndeleteCompany(Proto.UndeleteCompanyRequest request, ServerCallContext context)
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
        db.CompanyChanges.AddRange(CompanyHistory.Changes(company.Id, before, company.ToProto(), [CompanyHistory.DeleteTimeField], actors.Current, now));
        outbox.Enqueue(new CompanyRestored(db.TenantId, company.Id));
        await db.SaveChangesAsync(context.CancellationToken);
        return await replies.Of(company, context.CancellationToken);
    }
}
