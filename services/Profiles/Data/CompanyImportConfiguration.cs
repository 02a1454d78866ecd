using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class CompanyImportConfiguration : IEntityTypeConfiguration<CompanyImport>, IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<CompanyImport> import)
    {
        import.ToTable("company_imports");
        import.HasKey(i => new { i.TenantId, i.Id });
    }

    public void Configure(EntityTypeBuilder<ImportRow> row)
    {
        row.ToTable("import_rows");
        row.HasKey(r => new { r.TenantId, r.ImportId, r.Row });
        row.Property(r => r.ExternalId).HasMaxLength(100);
        row.Property(r => r.Outcome).HasMaxLength(10);
        row.Property(r => r.ProblemsJson).HasColumnName("problems").HasColumnType("jsonb");
        row.HasOne<CompanyImport>().WithMany().HasForeignKey(r => new { r.TenantId, r.ImportId }).OnDelete(DeleteBehavior.Cascade);
    }
}
