using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.ToTable("projects");
        project.HasKey(p => new { p.TenantId, p.Id });
        project.Property(p => p.Name).HasMaxLength(200);
        project.Property(p => p.Description).HasMaxLength(4000);
        project.Property(p => p.Value).HasPrecision(19, 4);
        project.Property(p => p.ValueCurrency).HasMaxLength(3);
        project.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        project.Property(p => p.Version).IsRowVersion();
        project.Ignore(p => p.Etag);
        project.HasOne<Company>()
            .WithMany()
            .HasForeignKey(p => new { p.TenantId, p.CompanyId })
            .OnDelete(DeleteBehavior.Cascade);
        project.HasIndex(p => new { p.TenantId, p.CompanyId, p.Id });
        project.HasIndex(p => new { p.TenantId, p.Stage, p.StageChangedAt });
    }
}
