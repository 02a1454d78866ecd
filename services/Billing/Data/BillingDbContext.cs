using CrmPlatform.Messaging;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Data;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options, ITenantContextAccessor tenants)
    : TenantDbContext(options, tenants)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox().AddKnownCompanies();
        base.OnModelCreating(modelBuilder);
    }
}
