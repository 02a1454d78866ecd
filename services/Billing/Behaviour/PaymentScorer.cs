namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The company's score. Per currency, weighted days beyond terms =
/// Σ(amount × recency weight × days) ÷ Σ(amount × recency weight) over the experiences of the last
/// 24 months (payments and open past-due balances, see <see cref="DaysBeyondTerms"/>), rounded to two
/// decimals. Amounts of different currencies are never added: with more than one currency, the
/// currencies' figures are averaged weighted by how many invoices each has, rounded to two decimals.
/// The result goes through <see cref="PaydexScale"/>.
/// </summary>
public static class PaymentScorer
{
    public static PaymentScore Score(IEnumerable<InvoiceFacts> invoices, DateOnly today)
    {
        var experiences = invoices
            .SelectMany(invoice => DaysBeyondTerms.Parts(invoice, today).Select(part => new PaymentExperience(
                invoice.Ref, invoice.Currency, part.On, part.Amount, part.DaysBeyondTerms, RecencyWeight.For(part.On, today), part.IsOpenBalance)))
            .Where(e => e.RecencyWeight > 0 && e.On <= today)
            .ToList();

        var perCurrency = experiences
            .GroupBy(e => e.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyLateness(
                g.Key,
                Round2(g.Sum(e => e.Weight * e.DaysBeyondTerms) / g.Sum(e => e.Weight)),
                g.Select(e => e.Invoice.Id).Distinct().Count()))
            .ToList();

        if (perCurrency.Count == 0)
        {
            return new PaymentScore(null, null, perCurrency, experiences);
        }

        var days = perCurrency.Count == 1
            ? perCurrency[0].WeightedDaysBeyondTerms
            : Round2(perCurrency.Sum(c => c.WeightedDaysBeyondTerms * c.InvoiceCount) / perCurrency.Sum(c => c.InvoiceCount));
        return new PaymentScore(PaydexScale.ScoreFor(days), days, perCurrency, experiences);
    }

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
