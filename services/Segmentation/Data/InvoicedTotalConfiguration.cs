using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Segmentation.Data;

internal sealed class InvoicedTotalConfiguration : IEntityTypeConfiguration<InvoicedTotal>
{
    public void Configure(EntityTypeBuilder<InvoicedTotal> total)
    {
        total.ToTable("invoiced_totals");
        total.HasKey(t => new { t.TenantId, t.CompanyId, t.CurrencyCode });
        total.Property(t => t.CurrencyCode).HasMaxLength(3).IsFixedLength();
        total.Property(t => t.Total).HasPrecision(21, 4);
        total.HasOne<CompanyFacts>()
            .WithMany()
            .HasForeignKey(t => new { t.TenantId, t.CompanyId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
