using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

public sealed class Invoice : ITenantOwned
{
    public const int MaxNumberLength = 50;
    public const int MaxExternalIdLength = 200;

    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    /// <summary>The tenant's own invoice number, unique within the tenant.</summary>
    public required string Number { get; set; }

    /// <summary>The source system's id, unique within the tenant when present.</summary>
    public string? ExternalId { get; set; }

    public Guid? ProjectId { get; set; }

    public required string CurrencyCode { get; set; }

    /// <summary>The total: the lines' sum when there are lines.</summary>
    public decimal Amount { get; set; }

    public List<InvoiceLine> Lines { get; set; } = [];

    public DateOnly IssueDate { get; set; }

    public DateOnly DueDate { get; set; }

    public int NetDays { get; set; }

    /// <summary>Early-payment discount in basis points (200 = 2 %), within <see cref="DiscountDays"/> of the issue date.</summary>
    public int DiscountBasisPoints { get; set; }

    public int DiscountDays { get; set; }

    public InvoiceStatus Status { get; set; } = InvoiceStatus.Open;

    public decimal PaidAmount { get; set; }

    public decimal CreditedAmount { get; set; }

    public decimal WrittenOffAmount { get; set; }

    public DateOnly? WrittenOffOn { get; set; }

    /// <summary>The day the last of it was paid or credited; null while anything is open.</summary>
    public DateOnly? SettledOn { get; set; }

    /// <summary>An open dispute holds reminders and shows as disputed.</summary>
    public bool Disputed { get; set; }

    /// <summary>Set once InvoiceOverdue was told, so the due boundary tells it once.</summary>
    public bool OverdueAnnounced { get; set; }

    public Guid? CreditOverrideBy { get; set; }

    public string? CreditOverrideReason { get; set; }

    public DateTimeOffset? CreditOverrideAt { get; set; }

    /// <summary>The credit check that warned or held, as the contract's JSON.</summary>
    public string? CreditOverrideCheckJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? VoidedAt { get; set; }

    public string? VoidReason { get; set; }

    public decimal OpenAmount => Amount - PaidAmount - CreditedAmount - WrittenOffAmount;

    /// <summary>Owed: issued, not void, not written off (an open dispute is still owed).</summary>
    public bool IsReceivable => Status is not (InvoiceStatus.Draft or InvoiceStatus.Void or InvoiceStatus.WrittenOff);
}
