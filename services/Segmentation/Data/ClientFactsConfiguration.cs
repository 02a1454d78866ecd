using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Segmentation.Data;

internal sealed class ClientFactsConfiguration : IEntityTypeConfiguration<ClientFacts>
{
    public void Configure(EntityTypeBuilder<ClientFacts> facts)
    {
        facts.ToTable("client_facts");
        facts.HasKey(f => new { f.TenantId, f.CompanyId });
        facts.Property(f => f.Name).HasMaxLength(200);
        facts.Property(f => f.IndustryCode).HasMaxLength(20);
        facts.Property(f => f.CountryCode).HasMaxLength(2);
        facts.HasIndex(f => new { f.TenantId, f.IndustryCode, f.CompanyId });
        facts.HasIndex(f => new { f.TenantId, f.MergedIntoId });
    }
}
