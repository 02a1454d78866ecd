using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Standing;
using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.KnownCompanies;
using MassTransit;

namespace CrmPlatform.Billing.Consumers;

/// <summary>
/// A merged company's invoices, payments, credit notes and collection effort move to the
/// survivor, and back if the merge is undone (each table remembers its own rows); both companies'
/// standings are recomputed from what they now hold.
/// </summary>
public sealed class CompanyMergedOrUndoneConsumer(BillingDbContext db, StandingWriter standings)
    : RepointOnCompanyMerge(db), IConsumer<CompanyMerged>, IConsumer<CompanyMergeUndone>
{
    private static readonly string[] Tables = ["invoices", "payments", "credit_notes", "collection_efforts"];

    private string table = Tables[0];

    protected override string Table => table;

    async Task IConsumer<CompanyMerged>.Consume(ConsumeContext<CompanyMerged> context)
    {
        foreach (var each in Tables)
        {
            table = each;
            await Consume(context);
        }

        await Follow(context.Message.SurvivorId, context.Message.MergedId, "merged", context.CancellationToken);
    }

    async Task IConsumer<CompanyMergeUndone>.Consume(ConsumeContext<CompanyMergeUndone> context)
    {
        foreach (var each in Tables)
        {
            table = each;
            await Consume(context);
        }

        await Follow(context.Message.SurvivorId, context.Message.MergedId, "merge undone", context.CancellationToken);
    }

    private async Task Follow(Guid survivorId, Guid mergedId, string what, CancellationToken cancellationToken)
    {
        await standings.Refresh([survivorId, mergedId], $"company {what} ({mergedId} into {survivorId})", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
