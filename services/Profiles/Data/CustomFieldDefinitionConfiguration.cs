using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class CustomFieldDefinitionConfiguration : IEntityTypeConfiguration<CustomFieldDefinition>
{
    public void Configure(EntityTypeBuilder<CustomFieldDefinition> definition)
    {
        definition.ToTable("custom_field_definitions");
        definition.HasKey(d => new { d.TenantId, d.Key });
        definition.Property(d => d.Key).HasMaxLength(40);
        definition.Property(d => d.Type).HasConversion<string>().HasMaxLength(10);
        definition.Property(d => d.Label).HasMaxLength(100);
    }
}
