using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.KnownCompanies;

internal sealed class CompanyRepointConfiguration : IEntityTypeConfiguration<CompanyRepoint>
{
    public void Configure(EntityTypeBuilder<CompanyRepoint> repoint)
    {
        repoint.ToTable("company_repoints");
        repoint.HasKey(r => new { r.TenantId, r.MergeId, r.TableName });
        // A PostgreSQL identifier is at most 63 bytes.
        repoint.Property(r => r.TableName).HasMaxLength(63);
        repoint.HasIndex(r => new { r.TenantId, r.MergedId });
    }
}
