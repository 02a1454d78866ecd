using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>One of the tenant's own company fields: values under <see cref="Key"/> must be of <see cref="Type"/>.</summary>
public sealed class CustomFieldDefinition : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string Key { get; set; }

    public CustomFieldType Type { get; set; }

    public string? Label { get; set; }
}
