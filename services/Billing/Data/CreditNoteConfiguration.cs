using CrmPlatform.KnownCompanies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> note)
    {
        note.ToTable("credit_notes");
        note.HasKey(n => new { n.TenantId, n.Id });
        note.Property(n => n.ExternalId).HasMaxLength(Invoice.MaxExternalIdLength);
        note.Property(n => n.CurrencyCode).HasMaxLength(3).IsFixedLength();
        note.Property(n => n.Amount).HasPrecision(19, 4);
        note.Property(n => n.Reason).HasConversion<string>().HasMaxLength(40);
        note.Property(n => n.Note).HasMaxLength(CreditNote.MaxNoteLength);

        note.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(n => new { n.TenantId, n.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);
        note.HasOne<Invoice>()
            .WithMany()
            .HasForeignKey(n => new { n.TenantId, n.InvoiceId })
            .OnDelete(DeleteBehavior.Restrict);

        note.HasIndex(n => new { n.TenantId, n.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        note.HasIndex(n => new { n.TenantId, n.CompanyId, n.Id });
        note.HasIndex(n => new { n.TenantId, n.InvoiceId });
    }
}
