using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Segmentation.Data;
using MassTransit;

namespace CrmPlatform.Segmentation.Consumers;

public sealed class CompanyCreatedConsumer(SegmentationDbContext db) : IConsumer<CompanyCreated>
{
    public async Task Consume(ConsumeContext<CompanyCreated> context)
    {
        var created = context.Message;
        var facts = await db.LockCompanyFacts(created.CompanyId, created.OccurredAt, context.CancellationToken);
        facts.Describe(created.Name, created.IndustryCode, created.EmployeeCount, created.CountryCode);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
