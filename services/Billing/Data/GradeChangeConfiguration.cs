using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

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
