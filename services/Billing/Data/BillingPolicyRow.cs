using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

/// <summary>The tenant's dunning and credit policies, as the contract's JSON; a tenant without them has the defaults.</summary>
public sealed class BillingPolicyRow : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string? DunningJson { get; set; }

    public string? CreditJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
