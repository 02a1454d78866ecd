using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class PaymentAllocationConfiguration : IEntityTypeConfiguration<PaymentAllocation>
{
    public void Configure(EntityTypeBuilder<PaymentAllocation> allocation)
    {
        allocation.ToTable("payment_allocations");
        allocation.HasKey(a => new { a.TenantId, a.PaymentId, a.InvoiceId });
        allocation.Property(a => a.Amount).HasPrecision(19, 4);
        allocation.HasOne<Invoice>()
            .WithMany()
            .HasForeignKey(a => new { a.TenantId, a.InvoiceId })
            .OnDelete(DeleteBehavior.Restrict);
        allocation.HasIndex(a => new { a.TenantId, a.InvoiceId });
    }
}
