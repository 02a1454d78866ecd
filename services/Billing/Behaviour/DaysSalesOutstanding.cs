namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Days sales outstanding per currency, by the period formula:
/// DSO = open receivables on the as-of date ÷ credit sales of the period × days in the period,
/// rounded half away from zero to one decimal. Credit sales are the invoices (not draft, not void)
/// issued in the period's days up to and including the as-of date; the receivables are what
/// <see cref="Aging"/> counts. 90 days is the default period (a quarter, as most reporting uses).
/// </summary>
public static class DaysSalesOutstanding
{
    public const int DefaultPeriodDays = 90;

    public static IReadOnlyList<SalesOutstanding> ByCurrency(IEnumerable<InvoiceFacts> invoices, DateOnly asOf, int periodDays = DefaultPeriodDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodDays);
        var all = invoices.ToList();
        var periodStart = asOf.AddDays(-periodDays);
        var receivables = Aging.OpenReceivables(all, asOf)
            .GroupBy(x => x.Invoice.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Open), StringComparer.Ordinal);
        var sales = all
            .Where(i => InvoiceBalance.Counts(i) && i.IssueDate > periodStart && i.IssueDate <= asOf)
            .GroupBy(i => i.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Amount), StringComparer.Ordinal);

        return receivables.Keys.Union(sales.Keys).Order(StringComparer.Ordinal)
            .Select(currency =>
            {
                var owed = receivables.GetValueOrDefault(currency);
                var sold = sales.GetValueOrDefault(currency);
                decimal? days = sold == 0m ? null : Math.Round(owed / sold * periodDays, 1, MidpointRounding.AwayFromZero);
                return new SalesOutstanding(currency, owed, sold, periodDays, days);
            })
            .ToList();
    }
}
