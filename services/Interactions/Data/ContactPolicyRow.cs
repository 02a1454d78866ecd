using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Interactions.Data;

/// <summary>The tenant's contact policy, as the contract's JSON; a tenant without one has the defaults.</summary>
public sealed class ContactPolicyRow : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string PolicyJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
