using CrmPlatform.KnownCompanies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class CompanyStandingConfiguration : IEntityTypeConfiguration<CompanyStanding>
{
    public void Configure(EntityTypeBuilder<CompanyStanding> standing)
    {
        standing.ToTable("company_standings");
        standing.HasKey(s => new { s.TenantId, s.CompanyId });
        standing.Property(s => s.Grade).HasMaxLength(1);
        standing.Property(s => s.CreditLimitCurrencyCode).HasMaxLength(3).IsFixedLength();
        standing.Property(s => s.CreditLimit).HasPrecision(19, 4);
        standing.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(s => new { s.TenantId, s.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GradeChangeConfiguration : IEntityTypeConfiguration<GradeChange>
{
    public void Configure(EntityTypeBuilder<GradeChange> change)
    {
        change.ToTable("grade_changes");
        change.HasKey(c => new { c.TenantId, c.Id });
        change.Property(c => c.PreviousGrade).HasMaxLength(1);
        change.Property(c => c.Grade).HasMaxLength(1);
        change.Property(c => c.Reason).HasMaxLength(500);
        change.HasIndex(c => new { c.TenantId, c.CompanyId, c.ChangedAt });
    }
}

internal sealed class BillingPolicyConfiguration : IEntityTypeConfiguration<BillingPolicyRow>
{
    public void Configure(EntityTypeBuilder<BillingPolicyRow> policy)
    {
        policy.ToTable("billing_policies");
        policy.HasKey(p => p.TenantId);
        policy.Property(p => p.TenantId).ValueGeneratedNever();
        policy.Property(p => p.DunningJson).HasColumnType("jsonb");
        policy.Property(p => p.CreditJson).HasColumnType("jsonb");
    }
}

internal sealed class OverdueAlarmConfiguration : IEntityTypeConfiguration<OverdueAlarm>
{
    public void Configure(EntityTypeBuilder<OverdueAlarm> alarm)
    {
        alarm.ToTable("overdue_alarms");
        alarm.HasKey(a => a.Tenant);
        alarm.Property(a => a.Tenant).ValueGeneratedNever();
    }
}
