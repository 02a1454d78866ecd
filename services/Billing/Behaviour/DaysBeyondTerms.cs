namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// How late an invoice was paid, amount-weighted over the money that settled it: each payment
/// counts its amount × (received date − due date); the balance still open past the due date counts
/// its amount × (today − due date), so an unpaid invoice grows later every day instead of waiting to
/// be paid before it shows. Credit notes reduce what is owed but are not payments, so they carry no
/// days. A balance not yet due is no evidence either way and is left out.
/// </summary>
public static class DaysBeyondTerms
{
    public static InvoiceLateness For(InvoiceFacts invoice, DateOnly today)
    {
        var parts = Parts(invoice, today);
        return new InvoiceLateness(invoice.Ref, invoice.Currency, WeightedDays(parts), parts);
    }

    public static IReadOnlyList<LatenessPart> Parts(InvoiceFacts invoice, DateOnly today)
    {
        if (!InvoiceBalance.Counts(invoice))
        {
            return [];
        }

        var parts = invoice.Payments
            .Where(p => p.ReceivedOn <= today && p.Amount > 0m)
            .OrderBy(p => p.ReceivedOn)
            .Select(p => new LatenessPart(p.ReceivedOn, p.Amount, DaysPast(invoice.DueDate, p.ReceivedOn), IsOpenBalance: false))
            .ToList();

        var remainder = Remainder(invoice, today);
        if (remainder is { } open)
        {
            parts.Add(open);
        }

        return parts;
    }

    /// <summary>Σ(amount × days) ÷ Σ(amount), rounded half away from zero to two decimals; null without parts.</summary>
    public static decimal? WeightedDays(IReadOnlyCollection<LatenessPart> parts)
    {
        var amount = parts.Sum(p => p.Amount);
        return amount == 0m
            ? null
            : Math.Round(parts.Sum(p => p.Amount * p.DaysBeyondTerms) / amount, 2, MidpointRounding.AwayFromZero);
    }

    public static int DaysPast(DateOnly dueDate, DateOnly day) => day.DayNumber - dueDate.DayNumber;

    private static LatenessPart? Remainder(InvoiceFacts invoice, DateOnly today)
    {
        if (invoice.Stage is InvoiceStage.WrittenOff)
        {
            // What was written off was never paid: it counts as late as it was on the day the tenant gave up.
            var writtenOff = Math.Max(0m, invoice.Amount - invoice.Payments.Sum(p => p.Amount) - invoice.Credits.Sum(c => c.Amount));
            var on = invoice.WrittenOffOn ?? today;
            return writtenOff > 0m ? new LatenessPart(on, writtenOff, DaysPast(invoice.DueDate, on), IsOpenBalance: true) : null;
        }

        if (invoice.Stage is InvoiceStage.Paid || today <= invoice.DueDate)
        {
            return null;
        }

        var balance = InvoiceBalance.OpenOn(invoice, today);
        return balance > 0m ? new LatenessPart(today, balance, DaysPast(invoice.DueDate, today), IsOpenBalance: true) : null;
    }
}
