using CrmPlatform.EventContracts.Profiles.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.KnownCompanies;

internal sealed class KnownCompanyConfiguration : IEntityTypeConfiguration<KnownCompany>
{
    public void Configure(EntityTypeBuilder<KnownCompany> company)
    {
        company.ToTable("known_companies");
        // The name the services' first migrations gave the key, when it began as the
        // principal key of their foreign key: a new name would be a migration for nothing.
        company.HasKey(c => new { c.TenantId, c.CompanyId }).HasName("ak_known_companies_tenant_id_company_id");
        company.Property(c => c.Name).HasMaxLength(CompanyName.MaxLength);
    }
}
