using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.KnownCompanies;

internal sealed class KnownPersonConfiguration : IEntityTypeConfiguration<KnownPerson>
{
    public void Configure(EntityTypeBuilder<KnownPerson> person)
    {
        // The name is text without a limit: a copy of what Profiles accepted must never refuse it.
        // No foreign key to known_companies: a person's joining can arrive before the company's creation.
        person.ToTable("known_people");
        person.HasKey(p => new { p.TenantId, p.PersonId });
        person.HasIndex(p => new { p.TenantId, p.CompanyId });
    }
}
