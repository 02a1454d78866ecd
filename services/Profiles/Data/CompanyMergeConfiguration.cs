using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class CompanyMergeConfiguration : IEntityTypeConfiguration<CompanyMerge>
{
    public void Configure(EntityTypeBuilder<CompanyMerge> merge)
    {
        merge.ToTable("company_merges");
        merge.HasKey(m => new { m.TenantId, m.Id });
        merge.Property(m => m.SurvivorBefore).HasColumnType("jsonb");
        merge.Property(m => m.SurvivorAfter).HasColumnType("jsonb");
        merge.Property(m => m.Actor).HasMaxLength(200);
        merge.Property(m => m.UndoneBy).HasMaxLength(200);
        merge.Ignore(m => m.UndoDeadline);
        merge.HasOne<Company>().WithMany().HasForeignKey(m => new { m.TenantId, m.SurvivorId }).OnDelete(DeleteBehavior.Restrict);
        merge.HasOne<Company>().WithMany().HasForeignKey(m => new { m.TenantId, m.MergedId }).OnDelete(DeleteBehavior.Restrict);
        merge.HasIndex(m => new { m.TenantId, m.SurvivorId });
        merge.HasIndex(m => new { m.TenantId, m.MergedId });
    }
}
