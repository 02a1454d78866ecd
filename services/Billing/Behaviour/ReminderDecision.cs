namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Whether an invoice is due for a reminder today: the level to send (null when none), the open
/// balance it asks for, the days past due (negative before the due date), and why, in words.
/// </summary>
public sealed record ReminderDecision(
    InvoiceRef Invoice,
    ReminderLevel? Level,
    CurrencyAmount OpenBalance,
    int DaysPastDue,
    string Reason)
{
    public bool IsDue => Level is not null;
}
