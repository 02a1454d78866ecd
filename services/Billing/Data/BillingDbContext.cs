using CrmPlatform.Messaging;
using CrmPlatform.Messaging.Merges;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Data;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options, ITenantContextAccessor tenants)
    : TenantDbContext(options, tenants)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<KnownCompany> KnownCompanies => Set<KnownCompany>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox().AddCompanyRepoints();
        base.OnModelCreating(modelBuilder);
    }
}
