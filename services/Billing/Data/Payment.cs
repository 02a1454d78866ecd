using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

/// <summary>Money received from a company; what its allocations leave over is the company's credit.</summary>
public sealed class Payment : ITenantOwned
{
    public const int MaxReferenceLength = 200;

    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public string? ExternalId { get; set; }

    public required string CurrencyCode { get; set; }

    public decimal Amount { get; set; }

    /// <summary>What no invoice took: the company's credit while the payment stands.</summary>
    public decimal UnallocatedAmount { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public PaymentMethod Method { get; set; }

    public string? Reference { get; set; }

    public Guid? RecordedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }

    public string? ReverseReason { get; set; }

    public List<PaymentAllocation> Allocations { get; set; } = [];
}
