namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// One amount that counts in the score: a payment received on an invoice, or an invoice's balance
/// still open past its due date. Its weight is Amount × RecencyWeight.
/// </summary>
public sealed record PaymentExperience(
    InvoiceRef Invoice,
    string Currency,
    DateOnly On,
    decimal Amount,
    int DaysBeyondTerms,
    int RecencyWeight,
    bool IsOpenBalance)
{
    public decimal Weight => Amount * RecencyWeight;
}
