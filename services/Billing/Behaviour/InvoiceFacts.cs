namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Everything the behaviour logic needs to know about one invoice. Payments and credit notes are
/// in the invoice's currency; what is still open is its amount less both, never read from a stored
/// figure, so the logic and the books cannot disagree.
/// </summary>
public sealed record InvoiceFacts
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    /// <summary>ISO 4217 code, e.g. "EUR".</summary>
    public required string Currency { get; init; }

    /// <summary>The invoice total, positive.</summary>
    public required decimal Amount { get; init; }

    public required DateOnly IssueDate { get; init; }

    public required DateOnly DueDate { get; init; }

    public InvoiceTerms Terms { get; init; } = new(30);

    public InvoiceStage Stage { get; init; } = InvoiceStage.Open;

    /// <summary>The payments allocated to it, dated by the day the money was received.</summary>
    public IReadOnlyList<AllocatedPayment> Payments { get; init; } = [];

    public IReadOnlyList<InvoiceCredit> Credits { get; init; } = [];

    /// <summary>
    /// The day a written-off invoice was written off: its unpaid remainder counts as paid never,
    /// so its lateness is measured up to that day. Null for any other invoice (or when unknown: then today).
    /// </summary>
    public DateOnly? WrittenOffOn { get; init; }

    public InvoiceRef Ref => new(Id, Number);
}
