using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Interactions.Contacts;
using CrmPlatform.Interactions.Data;
using CrmPlatform.KnownCompanies;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Interactions.Consumers;

/// <summary>
/// A merged company's items move to the survivor, and back if the merge is undone; their subject
/// rows follow the items, both companies' statistics (and their people's) are rewritten, and the
/// merged company leaves the verdict lists while it is merged.
/// </summary>
public sealed class CompanyMergedOrUndoneConsumer(InteractionsDbContext db, ContactStatsWriter stats)
    : RepointOnCompanyMerge(db), IConsumer<CompanyMerged>, IConsumer<CompanyMergeUndone>
{
    protected override string Table => "interactions";

    async Task IConsumer<CompanyMerged>.Consume(ConsumeContext<CompanyMerged> context)
    {
        await Consume(context);
        await Follow(context.Message.SurvivorId, context.Message.MergedId, mergedListed: false, context.CancellationToken);
    }

    async Task IConsumer<CompanyMergeUndone>.Consume(ConsumeContext<CompanyMergeUndone> context)
    {
        await Consume(context);
        await Follow(context.Message.SurvivorId, context.Message.MergedId, mergedListed: true, context.CancellationToken);
    }

    private async Task Follow(Guid survivorId, Guid mergedId, bool mergedListed, CancellationToken cancellationToken)
    {
        // Subject rows of moved items: the company row takes the item's company, person rows its company id.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE interaction_subjects s
            SET company_id = i.company_id, subject_id = CASE WHEN s.is_company THEN i.company_id ELSE s.subject_id END
            FROM interactions i
            WHERE i.tenant_id = s.tenant_id AND i.id = s.interaction_id AND s.tenant_id = {db.TenantId}
              AND s.company_id IN ({survivorId}, {mergedId}) AND s.company_id <> i.company_id
            """,
            cancellationToken);

        var people = await db.InteractionSubjects
            .Where(s => !s.IsCompany && (s.CompanyId == survivorId || s.CompanyId == mergedId))
            .Select(s => new { s.SubjectId, s.CompanyId })
            .Distinct()
            .ToListAsync(cancellationToken);
        await stats.Refresh(
            [new ContactSubject(survivorId, survivorId, true), new ContactSubject(mergedId, mergedId, true),
             .. people.Select(p => new ContactSubject(p.SubjectId, p.CompanyId, false))],
            cancellationToken);
        await db.ContactStats.Where(s => s.SubjectId == mergedId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Listed, mergedListed), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
