using CrmPlatform.Messaging;
using CrmPlatform.Messaging.Merges;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Interactions.Data;

public sealed class InteractionsDbContext(DbContextOptions<InteractionsDbContext> options, ITenantContextAccessor tenants)
    : TenantDbContext(options, tenants)
{
    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<KnownCompany> KnownCompanies => Set<KnownCompany>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox().AddCompanyRepoints();
        base.OnModelCreating(modelBuilder);
    }
}
