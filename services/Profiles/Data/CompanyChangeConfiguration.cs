using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class CompanyChangeConfiguration : IEntityTypeConfiguration<CompanyChange>
{
    public void Configure(EntityTypeBuilder<CompanyChange> change)
    {
        change.ToTable("company_changes");
        change.HasKey(c => new { c.TenantId, c.Id });
        change.Property(c => c.Field).HasMaxLength(60);
        change.HasIndex(c => new { c.TenantId, c.PersonId });
        change.Property(c => c.Before).HasColumnType("jsonb");
        change.Property(c => c.After).HasColumnType("jsonb");
        change.Property(c => c.Actor).HasMaxLength(200);
        change.HasOne<Company>()
            .WithMany()
            .HasForeignKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Cascade);
        change.HasIndex(c => new { c.TenantId, c.CompanyId, c.ChangedAt });
    }
}
