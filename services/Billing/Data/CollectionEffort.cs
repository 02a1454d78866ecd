using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

/// <summary>One dated thing done to be paid, by the member the call acted as.</summary>
public sealed class CollectionEffort : ITenantOwned
{
    public const int MaxNoteLength = 2000;

    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public Guid? InvoiceId { get; set; }

    public CollectionEffortKind Kind { get; set; }

    public int Level { get; set; }

    public DateOnly OccurredOn { get; set; }

    public string? Note { get; set; }

    public DateOnly? PromisedOn { get; set; }

    public string? PromisedCurrencyCode { get; set; }

    public decimal? PromisedAmount { get; set; }

    public PromiseOutcome PromiseOutcome { get; set; }

    public Guid? RecordedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
