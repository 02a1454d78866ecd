namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Whether an early-payment discount was earned. "2 % within 10 days" runs from the issue date: a
/// payment received on or before issue date + 10 days earns it. A discount taken later is a short
/// payment, whatever the client wrote on the remittance, so the credit note's reason is decided here.
/// </summary>
public static class EarlyPaymentDiscounts
{
    /// <summary>The last day a payment earns the discount; null without one.</summary>
    public static DateOnly? LastDay(InvoiceFacts invoice) =>
        invoice.Terms.EarlyDiscount is { } discount ? invoice.IssueDate.AddDays(discount.WithinDays) : null;

    /// <summary>Whether a payment received on <paramref name="receivedOn"/> earns a discount offered for <paramref name="withinDays"/> days (0: none offered).</summary>
    public static bool Earned(DateOnly issueDate, int withinDays, DateOnly receivedOn) =>
        withinDays > 0 && receivedOn <= issueDate.AddDays(withinDays);

    /// <summary>The discount a payment received on the day earns: round(amount × percent ÷ 100, 2), or 0.</summary>
    public static decimal EarnedOn(InvoiceFacts invoice, DateOnly receivedOn) =>
        invoice.Terms.EarlyDiscount is { } discount && Earned(invoice.IssueDate, discount.WithinDays, receivedOn)
            ? Math.Round(invoice.Amount * discount.Percent / 100m, 2, MidpointRounding.AwayFromZero)
            : 0m;

    /// <summary>The reason for a credit note of the discount a client took with a payment received on the day.</summary>
    public static CreditNoteReason ReasonFor(InvoiceFacts invoice, DateOnly receivedOn) =>
        EarnedOn(invoice, receivedOn) > 0m ? CreditNoteReason.EarlyPaymentDiscount : CreditNoteReason.EarlyPaymentDiscountExpired;
}
