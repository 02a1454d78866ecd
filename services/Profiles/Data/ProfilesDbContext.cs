using CrmPlatform.Messaging;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Data;

public sealed class ProfilesDbContext(DbContextOptions<ProfilesDbContext> options, ITenantContextAccessor tenants)
    : TenantDbContext(options, tenants)
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<CompanyChange> CompanyChanges => Set<CompanyChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        base.OnModelCreating(modelBuilder);
    }
}
