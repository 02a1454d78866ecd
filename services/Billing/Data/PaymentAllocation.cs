using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

/// <summary>The part of a payment that paid one invoice. Kept after a reversal, marked by its payment.</summary>
public sealed class PaymentAllocation : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid PaymentId { get; set; }

    public Guid InvoiceId { get; set; }

    public decimal Amount { get; set; }
}
