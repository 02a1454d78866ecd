namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// One dated collection effort or event. A promise to pay carries its date and amount and must
/// name its invoice to be checked; other kinds may be about the company as a whole (no invoice).
/// </summary>
public sealed record CollectionEvent
{
    public Guid Id { get; init; } = Guid.Empty;

    public required CollectionEventKind Kind { get; init; }

    /// <summary>The day it happened (for a promise: the day it was made).</summary>
    public required DateOnly On { get; init; }

    /// <summary>The invoice it is about; null when about the company as a whole.</summary>
    public Guid? InvoiceId { get; init; }

    /// <summary>A reminder's level, 1 being the first.</summary>
    public int ReminderLevel { get; init; }

    /// <summary>A promise to pay: the day by which the money is promised.</summary>
    public DateOnly? PromisedDate { get; init; }

    /// <summary>A promise to pay: how much, in the invoice's currency.</summary>
    public decimal? PromisedAmount { get; init; }
}
