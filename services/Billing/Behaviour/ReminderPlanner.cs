using System.Globalization;

namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Decides whether an invoice is due for a reminder today, from its facts alone, so the list can
/// never hold a settled invoice. Never due: drafts, void, written off, paid or credited to zero,
/// disputed (until resolved), or with a promise to pay still pending. Otherwise the next level
/// after the highest one sent (never skipping one, except a level before the due date once that
/// date has passed) is due on the latest of: the due date + its days; the previous level's
/// sending day + the days between the two levels (the client always gets the full interval); the
/// last payment + the policy's quiet days (a payment cancels the reminder pending when it
/// arrives). It asks for the open balance only.
/// </summary>
public static class ReminderPlanner
{
    public static ReminderDecision Plan(InvoiceFacts invoice, IReadOnlyList<CollectionEvent> events, ReminderPolicy policy, DateOnly today)
    {
        var balance = new CurrencyAmount(InvoiceBalance.OpenOn(invoice, today), invoice.Currency);
        var daysPastDue = DaysBeyondTerms.DaysPast(invoice.DueDate, today);
        ReminderDecision Decision(ReminderLevel? level, string reason) => new(invoice.Ref, level, balance, daysPastDue, reason);

        var mine = events.Where(e => e.InvoiceId == invoice.Id).ToList();
        if (WhyNever(invoice, balance, mine, today) is { } never)
        {
            return Decision(null, never);
        }

        var levels = policy.Levels.OrderBy(l => l.Level).ToList();
        var lastSent = mine
            .Where(e => e.Kind is CollectionEventKind.Reminder or CollectionEventKind.Letter && e.ReminderLevel > 0)
            .OrderBy(e => e.ReminderLevel).ThenBy(e => e.On)
            .LastOrDefault();
        // A "due soon" level is pointless once the due date has passed: it alone may be skipped.
        var next = levels.FirstOrDefault(l => l.Level > (lastSent?.ReminderLevel ?? 0) && !(l.DaysAfterDue < 0 && today > invoice.DueDate));
        if (next is null)
        {
            return Decision(null, lastSent is null
                ? "No level of the policy is left to send"
                : $"All {levels.Count} levels were sent, the last on {Text(lastSent.On)}: what follows is a person's call");
        }

        var (dueOn, because) = DueOn(invoice, next, lastSent, levels, policy, today);
        return dueOn <= today
            ? Decision(next, $"{next.Label} (level {next.Level}) due since {Text(dueOn)}{because}: {balance} open of {new CurrencyAmount(invoice.Amount, invoice.Currency)}")
            : Decision(null, $"Next: {next.Label} (level {next.Level}) on {Text(dueOn)}{because}");
    }

    private static string? WhyNever(InvoiceFacts invoice, CurrencyAmount balance, List<CollectionEvent> mine, DateOnly today)
    {
        switch (invoice.Stage)
        {
            case InvoiceStage.Draft: return "A draft is not reminded";
            case InvoiceStage.Void: return "Void: nothing is owed";
            case InvoiceStage.WrittenOff: return "Written off: no more reminders";
            case InvoiceStage.Paid: return "Paid: nothing is owed";
        }

        if (balance.Amount == 0m)
        {
            return "Settled: paid and credited in full";
        }

        var opened = mine.Where(e => e.Kind is CollectionEventKind.DisputeOpened).Select(e => (DateOnly?)e.On).Max();
        var resolved = mine.Where(e => e.Kind is CollectionEventKind.DisputeResolved).Select(e => (DateOnly?)e.On).Max();
        if (opened is { } since && !(resolved >= since))
        {
            return $"Disputed since {Text(since)}: no reminders until the dispute is resolved";
        }

        if (invoice.Stage is InvoiceStage.Disputed)
        {
            return "Disputed: no reminders until the dispute is resolved";
        }

        var pending = mine
            .Where(e => e.Kind is CollectionEventKind.PromiseToPay && PromiseCheck.Decide(e, invoice, today) is PromiseResult.Pending)
            .MaxBy(e => e.PromisedDate);
        return pending is null ? null
            : $"Promised to pay by {Text(pending.PromisedDate!.Value)}: no reminder before {Text(PromiseCheck.LastDay(pending.PromisedDate.Value).AddDays(1))}";
    }

    private static (DateOnly DueOn, string Because) DueOn(
        InvoiceFacts invoice, ReminderLevel next, CollectionEvent? lastSent, List<ReminderLevel> levels, ReminderPolicy policy, DateOnly today)
    {
        var dueOn = invoice.DueDate.AddDays(next.DaysAfterDue);
        var because = next.DaysAfterDue < 0 ? $" ({-next.DaysAfterDue} days before the due date)" : $" ({next.DaysAfterDue} days after the due date)";

        if (lastSent is not null && levels.FirstOrDefault(l => l.Level == lastSent.ReminderLevel) is { } previous
            && lastSent.On.AddDays(next.DaysAfterDue - previous.DaysAfterDue) is var afterPrevious && afterPrevious > dueOn)
        {
            dueOn = afterPrevious;
            because = $" ({next.DaysAfterDue - previous.DaysAfterDue} days after level {previous.Level} was sent on {Text(lastSent.On)})";
        }

        var lastPayment = invoice.Payments.Where(p => p.ReceivedOn <= today).Select(p => (DateOnly?)p.ReceivedOn).Max();
        if (lastPayment is { } paidOn && paidOn.AddDays(policy.QuietDaysAfterPayment) is var afterPayment && afterPayment > dueOn)
        {
            dueOn = afterPayment;
            because = $" ({policy.QuietDaysAfterPayment} days after the payment of {Text(paidOn)})";
        }

        return (dueOn, because);
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
