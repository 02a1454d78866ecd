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

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentAllocation> PaymentAllocations => Set<PaymentAllocation>();

    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();

    public DbSet<CollectionEffort> CollectionEfforts => Set<CollectionEffort>();

    public DbSet<CompanyStanding> Standings => Set<CompanyStanding>();

    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();

    public DbSet<BillingPolicyRow> Policies => Set<BillingPolicyRow>();

    public DbSet<OverdueAlarm> OverdueAlarms => Set<OverdueAlarm>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox().AddKnownCompanies();
        base.OnModelCreating(modelBuilder);
    }
}
