using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.History;
using CrmPlatform.Profiles.Updates;
using Google.Protobuf.WellKnownTypes;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Merges;

/// <summary>crm.profiles.v1.MergesService: two records of one client made one, with lineage, and taken apart again within the restore period.</summary>
public sealed class MergesGrpcService(ProfilesDbContext db, IEventOutbox outbox, CompanyChecks checks, CompanyReplies replies, Actors actors, PageTokens pages, TimeProvider clock)
    : Proto.MergesService.MergesServiceBase
{
    private const string MergedIntoField = "merged_into_id";

    public override async Task<Proto.CompanyMerge> MergeCompanies(Proto.MergeCompaniesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var survivorId = ResourceId.Parse(request.SurvivorId, "survivor_id", violations);
        var mergedId = ResourceId.Parse(request.MergedId, "merged_id", violations);
        if (survivorId == mergedId && survivorId != Guid.Empty)
        {
            violations.Add("merged_id", "must differ from survivor_id");
        }

        violations.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var (survivor, merged) = await LockPair(survivorId, request.SurvivorId, mergedId, request.MergedId, context.CancellationToken);
        LiveCompanies.Check(survivor, request.SurvivorId, request.SurvivorEtag);
        LiveCompanies.Check(merged, request.MergedId, request.MergedEtag);

        var policy = await db.ReviewPolicy(context.CancellationToken);
        var before = survivor.ToProto(policy);
        var after = MergeFill.Fill(before, merged.ToProto());
        CompanyValidator.Validate(after, "survivor", new FieldViolations(), await checks.Rules(context.CancellationToken)).ThrowIfAny();
        var filled = Updatable.Company.Changed(before, after);
        var people = await db.People.Where(p => p.CompanyId == mergedId).Select(p => p.Id).ToListAsync(context.CancellationToken);
        var projects = await db.Projects.Where(p => p.CompanyId == mergedId).Select(p => p.Id).ToListAsync(context.CancellationToken);
        var movingChanges = db.CompanyChanges.Where(c => c.CompanyId == mergedId && (c.PersonId != null || c.ProjectId != null));

        var now = clock.GetUtcNow();
        var merge = new CompanyMerge
        {
            SurvivorId = survivorId,
            MergedId = mergedId,
            FilledFields = filled,
            SurvivorBefore = JsonFormatter.Default.Format(CompanyHistory.Only(filled, before)),
            SurvivorAfter = JsonFormatter.Default.Format(CompanyHistory.Only(filled, after)),
            MovedPersonIds = people,
            MovedProjectIds = projects,
            Actor = actors.Current,
            MergedAt = now,
        };
        if (request.ValidateOnly)
        {
            merge.MovedChangeCount = await movingChanges.CountAsync(context.CancellationToken);
            return Reply(merge, after, dryRun: true);
        }

        merge.MovedChangeCount = await movingChanges.ExecuteUpdateAsync(s => s.SetProperty(c => c.CompanyId, survivorId), context.CancellationToken);
        await db.People.Where(p => p.CompanyId == mergedId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CompanyId, survivorId), context.CancellationToken);
        await db.Projects.Where(p => p.CompanyId == mergedId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CompanyId, survivorId), context.CancellationToken);
        db.CompanyMerges.Add(merge);

        ChangeSurvivor(survivor, before, after, filled, merge.Actor, now);
        MarkMerged(merged, survivorId, merge.Actor, now);
        outbox.Enqueue(new CompanyMerged(db.TenantId, merge.Id, survivorId, mergedId, merge.UndoDeadline));

        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return Reply(merge, await replies.Of(survivor, context.CancellationToken));
    }

    public override async Task<Proto.CompanyMerge> GetCompanyMerge(Proto.GetCompanyMergeRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var merge = await db.CompanyMerges.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Merge", request.Id);
        return Reply(merge, survivor: null);
    }

    public override async Task<Proto.ListCompanyMergesResponse> ListCompanyMerges(Proto.ListCompanyMergesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = string.IsNullOrEmpty(request.CompanyId) ? (Guid?)null : ResourceId.Parse(request.CompanyId, "company_id", violations);
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var query = db.CompanyMerges.AsNoTracking();
        if (companyId is { } company)
        {
            if (!await db.Companies.AnyAsync(c => c.Id == company, context.CancellationToken))
            {
                throw new ResourceNotFoundException("Company", request.CompanyId);
            }

            query = query.Where(m => m.SurvivorId == company || m.MergedId == company);
        }

        if (page.After is { } cursor)
        {
            query = query.Where(m => m.Id.CompareTo(cursor.Id) < 0);
        }

        var (rows, nextPageToken) = await query.OrderByDescending(m => m.Id).ToPageAsync(page, m => PageCursor.At(m.Id), context.CancellationToken);
        return new Proto.ListCompanyMergesResponse
        {
            NextPageToken = nextPageToken,
            Merges = { rows.Select(m => Reply(m, survivor: null)) },
        };
    }

    public override async Task<Proto.CompanyMerge> UndoCompanyMerge(Proto.UndoCompanyMergeRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM company_merges WHERE id = {id} FOR UPDATE", context.CancellationToken);
        var merge = await db.CompanyMerges.FirstOrDefaultAsync(m => m.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Merge", request.Id);
        var now = clock.GetUtcNow();
        if (merge.UndoneAt is not null)
        {
            throw new PreconditionFailedException($"Merge '{request.Id}' was already undone.");
        }

        if (now > merge.UndoDeadline)
        {
            throw new PreconditionFailedException($"Merge '{request.Id}' can no longer be undone: the restore period ended at {merge.UndoDeadline:O}.");
        }

        var (survivor, merged) = await LockPair(merge.SurvivorId, merge.SurvivorId.ToString(), merge.MergedId, merge.MergedId.ToString(), context.CancellationToken);
        if (survivor.MergedIntoId is { } later)
        {
            throw new PreconditionFailedException($"Company '{survivor.Id}' was merged into '{later}' since; undo that merge first.");
        }

        LiveCompanies.Check(survivor, survivor.Id.ToString(), etag: null);

        // What moved goes back; people and projects the survivor gained since stay with it.
        var people = merge.MovedPersonIds;
        var projects = merge.MovedProjectIds;
        await db.CompanyChanges
            .Where(c => c.CompanyId == survivor.Id && ((c.PersonId != null && people.Contains(c.PersonId.Value)) || (c.ProjectId != null && projects.Contains(c.ProjectId.Value))))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CompanyId, merged.Id), context.CancellationToken);
        await db.People.Where(p => p.CompanyId == survivor.Id && people.Contains(p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CompanyId, merged.Id), context.CancellationToken);
        await db.Projects.Where(p => p.CompanyId == survivor.Id && projects.Contains(p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CompanyId, merged.Id), context.CancellationToken);

        // A filled field goes back to empty unless someone has changed it since the merge.
        var actor = actors.Current;
        var current = survivor.ToProto();
        var restored = MergeUndo.Restore(
            current, merge.FilledFields, Proto.Company.Parser.ParseJson(merge.SurvivorBefore), Proto.Company.Parser.ParseJson(merge.SurvivorAfter));

        ChangeSurvivor(survivor, current, restored, Updatable.Company.Changed(current, restored), actor, now);
        MarkMerged(merged, survivorId: null, actor, now);

        merge.UndoneAt = now;
        merge.UndoneBy = actor;
        outbox.Enqueue(new CompanyMergeUndone(db.TenantId, merge.Id, merge.SurvivorId, merge.MergedId));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return Reply(merge, await replies.Of(survivor, context.CancellationToken));
    }

    /// <summary>The survivor's fields a merge filled (or its undo emptied), recorded and announced like any update.</summary>
    private void ChangeSurvivor(Company survivor, Proto.Company before, Proto.Company after, List<string> changed, string actor, DateTimeOffset now)
    {
        if (changed.Count == 0)
        {
            return;
        }

        survivor.CopyFrom(after);
        survivor.UpdatedAt = now;
        db.CompanyChanges.AddRange(CompanyHistory.Changes(survivor.Id, before, survivor.ToProto(), changed, actor, now));
        foreach (var updated in CompanyEvents.Updated(survivor, changed, after.Ownership))
        {
            outbox.Enqueue(updated);
        }
    }

    /// <summary>Soft-deletes the merged company pointing at its survivor, or (survivor null) brings it back.</summary>
    private void MarkMerged(Company merged, Guid? survivorId, string actor, DateTimeOffset now)
    {
        var before = merged.ToProto();
        merged.MergedIntoId = survivorId;
        merged.DeletedAt = survivorId is null ? null : now;
        merged.UpdatedAt = now;
        db.CompanyChanges.AddRange(CompanyHistory.Changes(merged.Id, before, merged.ToProto(), [MergedIntoField, CompanyHistory.DeleteTimeField], actor, now));
    }

    /// <summary>Both companies, locked in id order (two merges of the same pair must not deadlock).</summary>
    private async Task<(Company Survivor, Company Merged)> LockPair(Guid survivorId, string survivorName, Guid mergedId, string mergedName, CancellationToken cancellationToken)
    {
        Guid[] ids = [survivorId, mergedId];
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM companies WHERE id = ANY({ids}) ORDER BY id FOR UPDATE", cancellationToken);
        var companies = await db.Companies.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return (companies.GetValueOrDefault(survivorId) ?? throw new ResourceNotFoundException("Company", survivorName),
            companies.GetValueOrDefault(mergedId) ?? throw new ResourceNotFoundException("Company", mergedName));
    }

    private static Proto.CompanyMerge Reply(CompanyMerge merge, Proto.Company? survivor, bool dryRun = false) => new()
    {
        Id = dryRun ? "" : merge.Id.ToString(),
        SurvivorId = merge.SurvivorId.ToString(),
        MergedId = merge.MergedId.ToString(),
        Survivor = survivor,
        FilledFields = { merge.FilledFields },
        MovedPersonIds = { merge.MovedPersonIds.Select(p => p.ToString()) },
        MovedProjectIds = { merge.MovedProjectIds.Select(p => p.ToString()) },
        MovedChangeCount = merge.MovedChangeCount,
        Actor = merge.Actor,
        MergeTime = dryRun ? null : Timestamp.FromDateTimeOffset(merge.MergedAt),
        UndoDeadline = dryRun ? null : Timestamp.FromDateTimeOffset(merge.UndoDeadline),
        UndoTime = merge.UndoneAt is { } undone ? Timestamp.FromDateTimeOffset(undone) : null,
        UndoActor = merge.UndoneBy ?? "",
    };
}
