namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Decides a promise to pay from the payments. Kept as soon as the payments received on the
/// invoice from the day of the promise up to its date plus <see cref="GraceDays"/> add up to the
/// promised amount (without an amount: the balance open on the day of the promise), or the invoice
/// was settled in that time. Broken once that last day has passed
/// without it. The grace days allow for a bank transfer sent on the promised day arriving later.
/// </summary>
public static class PromiseCheck
{
    public const int GraceDays = 3;

    public static PromiseResult Decide(CollectionEvent promise, InvoiceFacts? invoice, DateOnly today)
    {
        if (promise.Kind is not CollectionEventKind.PromiseToPay || promise.PromisedDate is not { } promisedDate
            || invoice is null || promise.InvoiceId != invoice.Id)
        {
            return PromiseResult.CannotBeChecked;
        }

        var lastDay = LastDay(promisedDate);
        var until = today < lastDay ? today : lastDay;
        var received = invoice.Payments
            .Where(p => p.ReceivedOn >= promise.On && p.ReceivedOn <= until)
            .Sum(p => p.Amount);
        var promised = promise.PromisedAmount ?? InvoiceBalance.OpenOn(invoice, promise.On);
        if (received >= promised || InvoiceBalance.IsSettledBy(invoice, until))
        {
            return PromiseResult.Kept;
        }

        return today > lastDay ? PromiseResult.Broken : PromiseResult.Pending;
    }

    /// <summary>The last day a payment still keeps the promise.</summary>
    public static DateOnly LastDay(DateOnly promisedDate) => promisedDate.AddDays(GraceDays);
}
