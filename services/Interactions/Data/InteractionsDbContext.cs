using CrmPlatform.Messaging;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Interactions.Data;

public sealed class InteractionsDbContext(DbContextOptions<InteractionsDbContext> options, ITenantContextAccessor tenants)
    : TenantDbContext(options, tenants)
{
    public DbSet<Interaction> Interactions => Set<Interaction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox().AddKnownCompanies();
        base.OnModelCreating(modelBuilder);
    }
}
