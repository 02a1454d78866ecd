using CrmPlatform.KnownCompanies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Interactions.Data;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> interaction)
    {
        interaction.ToTable("interactions");
        interaction.HasKey(i => new { i.TenantId, i.Id });
        interaction.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        interaction.Property(i => i.Subject).HasMaxLength(Interaction.MaxSubjectLength);
        interaction.Property(i => i.Body).HasMaxLength(Interaction.MaxBodyLength);
        interaction.Property(i => i.Author).HasMaxLength(Interaction.MaxAuthorLength);

        interaction.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(i => new { i.TenantId, i.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);

        // The timeline of one company, newest first.
        interaction.HasIndex(i => new { i.TenantId, i.CompanyId, i.Id });
    }
}
