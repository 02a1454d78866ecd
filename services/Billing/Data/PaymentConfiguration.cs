using CrmPlatform.KnownCompanies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.ToTable("payments");
        payment.HasKey(p => new { p.TenantId, p.Id });
        payment.Property(p => p.ExternalId).HasMaxLength(Invoice.MaxExternalIdLength);
        payment.Property(p => p.CurrencyCode).HasMaxLength(3).IsFixedLength();
        payment.Property(p => p.Amount).HasPrecision(19, 4);
        payment.Property(p => p.UnallocatedAmount).HasPrecision(19, 4);
        payment.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        payment.Property(p => p.Reference).HasMaxLength(Payment.MaxReferenceLength);
        payment.Property(p => p.ReverseReason).HasMaxLength(500);

        payment.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(p => new { p.TenantId, p.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);
        payment.HasMany(p => p.Allocations)
            .WithOne()
            .HasForeignKey(a => new { a.TenantId, a.PaymentId })
            .OnDelete(DeleteBehavior.Cascade);

        payment.HasIndex(p => new { p.TenantId, p.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        payment.HasIndex(p => new { p.TenantId, p.CompanyId, p.Id });
    }
}
