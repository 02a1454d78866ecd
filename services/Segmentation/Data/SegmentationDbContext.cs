using CrmPlatform.Messaging;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Segmentation.Data;

public sealed class SegmentationDbContext(DbContextOptions<SegmentationDbContext> options, ITenantContextAccessor tenants)
    : TenantDbContext(options, tenants)
{
    public DbSet<ClientFacts> ClientFacts => Set<ClientFacts>();

    public DbSet<InvoicedTotal> InvoicedTotals => Set<InvoicedTotal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        base.OnModelCreating(modelBuilder);
    }

    /// <summary>
    /// The client's facts row, locked for the rest of the transaction so consumers of different
    /// events for one client fold in turn instead of overwriting each other; a new row when none
    /// exists yet (two first events racing to insert collide on the key and the loser is retried).
    /// </summary>
    public async Task<ClientFacts> LockClientFacts(Guid companyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = await ClientFacts
            .FromSql($"SELECT * FROM client_facts WHERE company_id = {companyId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (facts is null)
        {
            facts = new ClientFacts { CompanyId = companyId };
            ClientFacts.Add(facts);
        }

        facts.UpdatedAt = now;
        return facts;
    }
}
