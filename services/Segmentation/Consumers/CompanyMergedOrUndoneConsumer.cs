using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Segmentation.Data;
using MassTransit;

namespace CrmPlatform.Segmentation.Consumers;

/// <summary>A merged company's facts count towards its survivor's from the merge on, and stop when it is undone.</summary>
public sealed class CompanyMergedOrUndoneConsumer(SegmentationDbContext db) : IConsumer<CompanyMerged>, IConsumer<CompanyMergeUndone>
{
    public Task Consume(ConsumeContext<CompanyMerged> context) =>
        MergeInto(context.Message.MergedId, context.Message.SurvivorId, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<CompanyMergeUndone> context) =>
        MergeInto(context.Message.MergedId, survivorId: null, context.Message.OccurredAt, context.CancellationToken);

    private async Task MergeInto(Guid mergedId, Guid? survivorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var facts = await db.LockCompanyFacts(mergedId, at, cancellationToken);
        facts.MergedIntoId = survivorId;
        await db.SaveChangesAsync(cancellationToken);
    }
}
