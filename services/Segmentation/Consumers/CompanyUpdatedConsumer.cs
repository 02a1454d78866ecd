using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Segmentation.Data;
using MassTransit;

namespace CrmPlatform.Segmentation.Consumers;

public sealed class CompanyUpdatedConsumer(SegmentationDbContext db) : IConsumer<CompanyUpdated>
{
    public async Task Consume(ConsumeContext<CompanyUpdated> context)
    {
        var updated = context.Message;
        var facts = await db.LockCompanyFacts(updated.CompanyId, updated.OccurredAt, context.CancellationToken);
        facts.Describe(updated.Name, updated.IndustryCode, updated.EmployeeCount, updated.CountryCode);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
