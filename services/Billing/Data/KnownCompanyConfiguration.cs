using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class KnownCompanyConfiguration : IEntityTypeConfiguration<KnownCompany>
{
    public void Configure(EntityTypeBuilder<KnownCompany> company)
    {
        company.ToTable("known_companies");
        company.HasKey(c => new { c.TenantId, c.CompanyId });
        company.Property(c => c.Name).HasMaxLength(200);
    }
}
