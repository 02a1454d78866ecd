using CrmPlatform.KnownCompanies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class CompanyStandingConfiguration : IEntityTypeConfiguration<CompanyStanding>
{
    public void Configure(EntityTypeBuilder<CompanyStanding> standing)
    {
        standing.ToTable("company_standings");
        standing.HasKey(s => new { s.TenantId, s.CompanyId });
        standing.Property(s => s.Grade).HasMaxLength(1);
        standing.Property(s => s.CreditLimitCurrencyCode).HasMaxLength(3).IsFixedLength();
        standing.Property(s => s.CreditLimit).HasPrecision(19, 4);
        standing.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(s => new { s.TenantId, s.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
