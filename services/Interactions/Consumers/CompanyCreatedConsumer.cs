using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Interactions.Data;
using MassTransit;

namespace CrmPlatform.Interactions.Consumers;

/// <summary>Learns of new companies so interactions can be recorded against them. Runs as the event's tenant, once per event (inbox).</summary>
public sealed class CompanyCreatedConsumer(InteractionsDbContext db) : IConsumer<CompanyCreated>
{
    public async Task Consume(ConsumeContext<CompanyCreated> context)
    {
        var created = context.Message;
        if (await db.KnownCompanies.FindAsync([db.TenantId, created.CompanyId], context.CancellationToken) is null)
        {
            db.KnownCompanies.Add(new KnownCompany { CompanyId = created.CompanyId, Name = created.Name, KnownSince = created.OccurredAt });
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
