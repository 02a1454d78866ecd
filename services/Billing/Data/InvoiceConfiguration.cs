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
        invoice.Property(i => i.ExternalId).HasMaxLength(Invoice.MaxExternalIdLength);
        invoice.Property(i => i.CurrencyCode).HasMaxLength(3).IsFixedLength();
        // Money never goes through a float: numeric keeps every cent of every currency.
        invoice.Property(i => i.Amount).HasPrecision(19, 4);
        invoice.Property(i => i.PaidAmount).HasPrecision(19, 4);
        invoice.Property(i => i.CreditedAmount).HasPrecision(19, 4);
        invoice.Property(i => i.WrittenOffAmount).HasPrecision(19, 4);
        invoice.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        invoice.Property(i => i.VoidReason).HasMaxLength(500);
        invoice.Property(i => i.CreditOverrideReason).HasMaxLength(500);
        invoice.Property(i => i.CreditOverrideCheckJson).HasColumnType("jsonb");
        invoice.Ignore(i => i.OpenAmount);
        invoice.Ignore(i => i.IsReceivable);
        invoice.OwnsMany(i => i.Lines, lines =>
        {
            lines.ToJson("lines");
            lines.Property(l => l.Amount).HasPrecision(19, 4);
        });

        invoice.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(i => new { i.TenantId, i.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);

        invoice.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
        invoice.HasIndex(i => new { i.TenantId, i.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        invoice.HasIndex(i => new { i.TenantId, i.CompanyId, i.Id });
        // The receivables: what aging, reminders and the due boundary read.
        invoice.HasIndex(i => new { i.TenantId, i.DueDate })
            .HasFilter("status IN ('Open', 'PartiallyPaid', 'Overdue', 'Disputed')")
            .HasDatabaseName("ix_invoices_receivable_by_due_date");
    }
}
