namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Open receivables by days past due on the as-of date, per currency (alphabetical). Counted: issued
/// by that date, not void, not written off, not marked paid, with a balance left after the payments
/// and credit notes of that date. Pass one company's invoices for its aging, the tenant's for the tenant's.
/// </summary>
public static class Aging
{
    public static IReadOnlyList<CurrencyAging> ByCurrency(IEnumerable<InvoiceFacts> invoices, DateOnly asOf) =>
        OpenReceivables(invoices, asOf)
            .GroupBy(x => x.Invoice.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyAging(
                g.Key,
                g.Where(x => x.DaysPastDue <= 0).Sum(x => x.Open),
                g.Where(x => x.DaysPastDue is >= 1 and <= 30).Sum(x => x.Open),
                g.Where(x => x.DaysPastDue is >= 31 and <= 60).Sum(x => x.Open),
                g.Where(x => x.DaysPastDue is >= 61 and <= 90).Sum(x => x.Open),
                g.Where(x => x.DaysPastDue > 90).Sum(x => x.Open)))
            .ToList();

    /// <summary>Each receivable still open on the day, with its balance and days past due.</summary>
    public static IEnumerable<(InvoiceFacts Invoice, decimal Open, int DaysPastDue)> OpenReceivables(IEnumerable<InvoiceFacts> invoices, DateOnly asOf) =>
        invoices
            .Where(i => InvoiceBalance.Counts(i) && i.Stage is not (InvoiceStage.WrittenOff or InvoiceStage.Paid) && i.IssueDate <= asOf)
            .Select(i => (Invoice: i, Open: InvoiceBalance.OpenOn(i, asOf), DaysPastDue: DaysBeyondTerms.DaysPast(i.DueDate, asOf)))
            .Where(x => x.Open > 0m);
}
