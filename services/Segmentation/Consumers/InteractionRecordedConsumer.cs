using CrmPlatform.EventContracts.Interactions.V1;
using CrmPlatform.Segmentation.Data;
using MassTransit;

namespace CrmPlatform.Segmentation.Consumers;

public sealed class InteractionRecordedConsumer(SegmentationDbContext db) : IConsumer<InteractionRecorded>
{
    public async Task Consume(ConsumeContext<InteractionRecorded> context)
    {
        var recorded = context.Message;
        var facts = await db.LockCompanyFacts(recorded.CompanyId, recorded.OccurredAt, context.CancellationToken);
        facts.InteractionCount++;
        if (facts.LastInteractionAt is null || recorded.InteractionTime > facts.LastInteractionAt)
        {
            facts.LastInteractionAt = recorded.InteractionTime;
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
