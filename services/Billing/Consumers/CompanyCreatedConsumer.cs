using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Billing.Data;
using MassTransit;

namespace CrmPlatform.Billing.Consumers;

/// <summary>Learns of new companies so invoices can be issued against them. Runs as the event's tenant, once per event (inbox).</summary>
public sealed class CompanyCreatedConsumer(BillingDbContext db) : IConsumer<CompanyCreated>
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
