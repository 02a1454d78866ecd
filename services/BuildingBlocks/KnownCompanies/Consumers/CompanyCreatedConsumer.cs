using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Tenancy.Data;
using MassTransit;

namespace CrmPlatform.KnownCompanies;

/// <summary>Learns of new companies, so the service can record against them.</summary>
public sealed class CompanyCreatedConsumer(TenantDbContext db) : IConsumer<CompanyCreated>
{
    public async Task Consume(ConsumeContext<CompanyCreated> context)
    {
        var created = context.Message;
        await db.AnnounceNewCompany(created.CompanyId, created.Name, created.OccurredAt, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
