using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Segmentation.Data;
using MassTransit;

namespace CrmPlatform.Segmentation.Consumers;

/// <summary>Deleted companies drop out of segments; their facts are kept in case they are restored.</summary>
public sealed class CompanyDeletedOrRestoredConsumer(SegmentationDbContext db) : IConsumer<CompanyDeleted>, IConsumer<CompanyRestored>
{
    public Task Consume(ConsumeContext<CompanyDeleted> context) =>
        MarkDeleted(context.Message.CompanyId, deleted: true, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<CompanyRestored> context) =>
        MarkDeleted(context.Message.CompanyId, deleted: false, context.Message.OccurredAt, context.CancellationToken);

    private async Task MarkDeleted(Guid companyId, bool deleted, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var facts = await db.LockCompanyFacts(companyId, at, cancellationToken);
        facts.Deleted = deleted;
        await db.SaveChangesAsync(cancellationToken);
    }
}
