using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => new { p.TenantId, p.Id });
        person.Property(p => p.GivenName).HasMaxLength(100);
        person.Property(p => p.FamilyName).HasMaxLength(100);
        person.Property(p => p.Title).HasMaxLength(200);
        person.Property(p => p.Department).HasMaxLength(200);
        person.Property(p => p.RolesJson).HasColumnName("roles").HasColumnType("jsonb");
        person.Property(p => p.SocialProfilesJson).HasColumnName("social_profiles").HasColumnType("jsonb");
        person.Property(p => p.PreferredChannel).HasMaxLength(20);
        person.Property(p => p.Notes).HasMaxLength(4000);
        person.Property(p => p.Version).IsRowVersion();
        person.Ignore(p => p.Etag);
        person.HasOne<Company>()
            .WithMany()
            .HasForeignKey(p => new { p.TenantId, p.CompanyId })
            .OnDelete(DeleteBehavior.Cascade);
        person.HasOne<Person>()
            .WithMany()
            .HasForeignKey(p => new { p.TenantId, p.ReportsToId })
            .OnDelete(DeleteBehavior.Restrict);
        person.Property(p => p.SearchText)
            .HasComputedColumnSql("person_search_document(given_name, family_name, emails)", stored: true);
        person.HasIndex(p => p.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        person.HasIndex(p => new { p.TenantId, p.CompanyId, p.Id });
        person.HasIndex(p => p.Emails).HasMethod("gin");
        person.HasIndex(p => p.Phones).HasMethod("gin");
        person.Property(p => p.PhoneDigits).HasComputedColumnSql("phone_digits(phones)", stored: true);
        person.HasIndex(p => p.PhoneDigits).HasMethod("gin");
    }
}
