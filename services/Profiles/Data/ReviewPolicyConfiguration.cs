using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class ReviewPolicyConfiguration : IEntityTypeConfiguration<ReviewPolicy>
{
    public void Configure(EntityTypeBuilder<ReviewPolicy> policy)
    {
        policy.ToTable("review_policies");
        policy.HasKey(p => p.TenantId);
        // A lone Guid key would otherwise get a client-generated value, not the tenant's id.
        policy.Property(p => p.TenantId).ValueGeneratedNever();
        policy.Ignore(p => p.Interval);
    }
}
