using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> company)
    {
        company.ToTable("companies");
        company.HasKey(c => new { c.TenantId, c.Id });
        company.Property(c => c.Name).HasMaxLength(200);
        company.Property(c => c.LegalName).HasMaxLength(200);
        company.Property(c => c.ExternalId).HasMaxLength(100);
        company.Property(c => c.RegistrationNumber).HasMaxLength(50);
        company.Property(c => c.AnnualRevenue).HasPrecision(19, 4);
        company.Property(c => c.RevenueCurrency).HasMaxLength(3);
        company.Property(c => c.FinancialStatusJson).HasColumnName("financial_status").HasColumnType("jsonb");
        company.Property(c => c.OwnersJson).HasColumnName("owners").HasColumnType("jsonb");
        company.Property(c => c.AddressesJson).HasColumnName("addresses").HasColumnType("jsonb");
        company.Property(c => c.CustomFieldsJson).HasColumnName("custom_fields").HasColumnType("jsonb");
        company.Property(c => c.StrategyJson).HasColumnName("strategy").HasColumnType("jsonb");
        company.HasOne<Company>()
            .WithMany()
            .HasForeignKey(c => new { c.TenantId, c.ParentCompanyId })
            .OnDelete(DeleteBehavior.Restrict);
        company.Property(c => c.Website).HasMaxLength(500);
        company.Property(c => c.Domain).HasMaxLength(253);
        company.Property(c => c.IndustryCode).HasMaxLength(20);
        company.Property(c => c.IndustryLabel).HasMaxLength(200);
        company.Property(c => c.Phone).HasMaxLength(40);
        company.Property(c => c.Email).HasMaxLength(320);
        company.Property(c => c.AccountOwner).HasMaxLength(200);
        company.Property(c => c.LifecycleStage).HasConversion<string>().HasMaxLength(20);
        company.Property(c => c.Version).IsRowVersion();
        company.ComplexProperty(c => c.Headquarters, address =>
        {
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.Region).HasMaxLength(100);
            address.Property(a => a.PostalCode).HasMaxLength(20);
            address.Property(a => a.CountryCode).HasMaxLength(2);
        });

        company.Property(c => c.SearchText)
            .HasComputedColumnSql(
                "lower(name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(domain, '') || ' ' || coalesce(website, '') || ' ' || coalesce(email, ''))",
                stored: true);
        company.HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        company.Property(c => c.NameKey).HasComputedColumnSql("company_name_key(name)", stored: true);
        company.HasIndex(c => new { c.TenantId, c.NameKey });
        company.HasIndex(c => c.NameKey, "ix_companies_name_key_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        company.Property(c => c.PhoneDigits).HasComputedColumnSql("phone_digits(phone)", stored: true);
        company.HasIndex(c => new { c.TenantId, c.PhoneDigits });
        company.HasIndex(c => new { c.TenantId, c.Email });
        company.HasIndex(c => new { c.TenantId, c.RegistrationNumber });
        company.HasOne<Company>()
            .WithMany()
            .HasForeignKey(c => new { c.TenantId, c.MergedIntoId })
            .OnDelete(DeleteBehavior.Restrict);
        company.Ignore(c => c.PurgeAt);
        company.Ignore(c => c.Etag);

        company.HasIndex(c => new { c.TenantId, c.IndustryCode, c.Id });
        company.HasIndex(c => new { c.TenantId, c.UpdatedAt });
        company.HasIndex(c => new { c.TenantId, c.LastReviewedAt, c.Id });
        company.HasIndex(c => new { c.TenantId, c.Domain });
        company.HasIndex(c => new { c.TenantId, c.ExternalId }).IsUnique();
        company.HasIndex(c => new { c.TenantId, c.ParentCompanyId });
    }
}
