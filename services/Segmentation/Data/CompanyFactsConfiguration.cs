using CrmPlatform.EventContracts.Profiles.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Segmentation.Data;

internal sealed class CompanyFactsConfiguration : IEntityTypeConfiguration<CompanyFacts>
{
    public void Configure(EntityTypeBuilder<CompanyFacts> facts)
    {
        // The table keeps the name it was created with: renaming it is a migration that gains nothing.
        facts.ToTable("client_facts");
        facts.HasKey(f => new { f.TenantId, f.CompanyId });
        facts.Property(f => f.Name).HasMaxLength(CompanyName.MaxLength);
        facts.Property(f => f.IndustryCode).HasMaxLength(20);
        facts.Property(f => f.CountryCode).HasMaxLength(2);
        facts.HasIndex(f => new { f.TenantId, f.IndustryCode, f.CompanyId });
        facts.HasIndex(f => new { f.TenantId, f.MergedIntoId });
    }
}
