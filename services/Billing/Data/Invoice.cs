using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

public sealed class Invoice : ITenantOwned
{
    public const int MaxNumberLength = 50;

    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    /// <summary>The tenant's own invoice number, unique within the tenant.</summary>
    public required string Number { get; set; }

    public required string CurrencyCode { get; set; }

    public decimal Amount { get; set; }

    public DateOnly IssueDate { get; set; }

    public DateOnly DueDate { get; set; }

    public InvoiceStatus Status { get; set; } = InvoiceStatus.Open;

    public DateTimeOffset CreatedAt { get; set; }
}
