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

    public DbSet<InteractionSubject> InteractionSubjects => Set<InteractionSubject>();

    public DbSet<InteractionVersion> InteractionVersions => Set<InteractionVersion>();

    public DbSet<ContactStatsRow> ContactStats => Set<ContactStatsRow>();

    public DbSet<ContactPolicyRow> ContactPolicies => Set<ContactPolicyRow>();

    public DbSet<KnownMember> KnownMembers => Set<KnownMember>();

    public DbSet<VerdictAlarm> VerdictAlarms => Set<VerdictAlarm>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox().AddKnownCompanies();
        base.OnModelCreating(modelBuilder);
    }
}
