using CrmPlatform.KnownCompanies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class CollectionEffortConfiguration : IEntityTypeConfiguration<CollectionEffort>
{
    public void Configure(EntityTypeBuilder<CollectionEffort> effort)
    {
        effort.ToTable("collection_efforts");
        effort.HasKey(e => new { e.TenantId, e.Id });
        effort.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        effort.Property(e => e.PromiseOutcome).HasConversion<string>().HasMaxLength(10);
        effort.Property(e => e.Note).HasMaxLength(CollectionEffort.MaxNoteLength);
        effort.Property(e => e.PromisedCurrencyCode).HasMaxLength(3).IsFixedLength();
        effort.Property(e => e.PromisedAmount).HasPrecision(19, 4);

        effort.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(e => new { e.TenantId, e.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);
        effort.HasOne<Invoice>()
            .WithMany()
            .HasForeignKey(e => new { e.TenantId, e.InvoiceId })
            .OnDelete(DeleteBehavior.Restrict);

        effort.HasIndex(e => new { e.TenantId, e.CompanyId, e.Id });
        effort.HasIndex(e => new { e.TenantId, e.InvoiceId });
        effort.HasIndex(e => new { e.TenantId, e.PromisedOn }).HasFilter("promise_outcome = 'Pending'");
    }
}
