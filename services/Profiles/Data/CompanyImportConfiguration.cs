using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class CompanyImportConfiguration : IEntityTypeConfiguration<CompanyImport>, IEntityTypeConfiguration<CompanyImportReport>
{
    public void Configure(EntityTypeBuilder<CompanyImport> import)
    {
        import.ToTable("company_imports");
        import.HasKey(i => new { i.TenantId, i.Id });
    }

    public void Configure(EntityTypeBuilder<CompanyImportReport> report)
    {
        report.ToTable("company_import_reports");
        report.HasKey(r => new { r.TenantId, r.ImportId, r.Sequence });
        report.HasOne<CompanyImport>().WithMany().HasForeignKey(r => new { r.TenantId, r.ImportId }).OnDelete(DeleteBehavior.Cascade);
    }
}
