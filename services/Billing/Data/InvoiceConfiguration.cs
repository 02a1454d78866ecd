using CrmPlatform.KnownCompanies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> invoice)
    {
        invoice.ToTable("invoices");
        invoice.HasKey(i => new { i.TenantId, i.Id });
        invoice.Property(i => i.Number).HasMaxLength(Invoice.MaxNumberLength);
        invoice.Property(i => i.CurrencyCode).HasMaxLength(3).IsFixedLength();
        // Money never goes through a float: numeric keeps every cent of every currency.
        invoice.Property(i => i.Amount).HasPrecision(19, 4);
        invoice.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);

        invoice.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(i => new { i.TenantId, i.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);

        invoice.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
        invoice.HasIndex(i => new { i.TenantId, i.CompanyId, i.Id });
    }
}
