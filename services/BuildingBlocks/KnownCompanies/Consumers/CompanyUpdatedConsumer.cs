using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Tenancy.Data;
using MassTransit;

namespace CrmPlatform.KnownCompanies;

/// <summary>Keeps a known company's name current; an update arriving before the creation makes the company known.</summary>
public sealed class CompanyUpdatedConsumer(TenantDbContext db) : IConsumer<CompanyUpdated>
{
    public async Task Consume(ConsumeContext<CompanyUpdated> context)
    {
        var updated = context.Message;
        await db.AnnounceCompany(updated.CompanyId, updated.Name, updated.OccurredAt, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
