using CrmPlatform.Messaging;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Segmentation.Data;

public sealed class SegmentationDbContext(DbContextOptions<SegmentationDbContext> options, ITenantContextAccessor tenants)
    : TenantDbContext(options, tenants)
{
    public DbSet<CompanyFacts> CompanyFacts => Set<CompanyFacts>();

    public DbSet<InvoicedTotal> InvoicedTotals => Set<InvoicedTotal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        base.OnModelCreating(modelBuilder);
    }

    /// <summary>
    /// The company's facts row, locked for the rest of the transaction so consumers of different
    /// events for one company fold in turn instead of overwriting each other; a new row when none
    /// exists yet (two first events racing to insert collide on the key and the loser is retried).
    /// </summary>
    public async Task<CompanyFacts> LockCompanyFacts(Guid companyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = await CompanyFacts
            .FromSql($"SELECT * FROM client_facts WHERE company_id = {companyId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (facts is null)
        {
            facts = new CompanyFacts { CompanyId = companyId };
            CompanyFacts.Add(facts);
        }

        facts.UpdatedAt = now;
        return facts;
    }
}
