using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

public sealed class CreditNote : ITenantOwned
{
    public const int MaxNoteLength = 2000;

    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    /// <summary>The invoice it reduces; null for the company's credit.</summary>
    public Guid? InvoiceId { get; set; }

    public string? ExternalId { get; set; }

    public required string CurrencyCode { get; set; }

    public decimal Amount { get; set; }

    public CreditReason Reason { get; set; }

    public DateOnly IssuedOn { get; set; }

    public string? Note { get; set; }

    public Guid? RecordedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
