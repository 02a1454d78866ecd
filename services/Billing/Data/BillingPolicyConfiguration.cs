using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

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
