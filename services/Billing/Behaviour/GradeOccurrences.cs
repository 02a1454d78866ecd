namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Finds what the grade penalises within the last 24 months. Collection effort comes from the
/// events; discount demands and short payments from the credit notes' reasons; write-offs from the
/// invoices written off (not from the event, so recording both never counts one twice); broken
/// promises from <see cref="PromiseCheck"/>. A first-level reminder is routine and not counted.
/// </summary>
public static class GradeOccurrences
{
    public static IReadOnlyList<GradeOccurrence> Find(IReadOnlyList<InvoiceFacts> invoices, IReadOnlyList<CollectionEvent> events, DateOnly today)
    {
        var windowStart = RecencyWeight.WindowStartExclusive(today);
        bool InWindow(DateOnly day) => day > windowStart && day <= today;
        var byId = invoices.ToDictionary(i => i.Id);
        InvoiceRef? RefOf(Guid? id) => id is { } known && byId.TryGetValue(known, out var invoice) ? invoice.Ref : null;

        var fromEvents = events
            .Where(e => InWindow(e.On))
            .Select(e => KindOf(e, byId, today) is { } kind ? new GradeOccurrence(kind, e.On, RefOf(e.InvoiceId)) : null)
            .OfType<GradeOccurrence>();

        var fromCredits = invoices
            .Where(InvoiceBalance.Counts)
            .SelectMany(i => i.Credits.Select(c => (Invoice: i, Credit: c)))
            .Where(x => InWindow(x.Credit.IssuedOn))
            .Select(x => x.Credit.Reason switch
            {
                CreditNoteReason.DiscountDemanded => new GradeOccurrence(GradeFactorKind.DiscountDemands, x.Credit.IssuedOn, x.Invoice.Ref),
                CreditNoteReason.EarlyPaymentDiscountExpired => new GradeOccurrence(GradeFactorKind.ShortPayments, x.Credit.IssuedOn, x.Invoice.Ref),
                _ => null,
            })
            .OfType<GradeOccurrence>();

        var writeOffs = invoices
            .Where(i => i.Stage is InvoiceStage.WrittenOff && InWindow(i.WrittenOffOn ?? today))
            .Select(i => new GradeOccurrence(GradeFactorKind.WriteOffs, i.WrittenOffOn ?? today, i.Ref));

        return fromEvents.Concat(fromCredits).Concat(writeOffs).OrderBy(o => o.On).ToList();
    }

    private static GradeFactorKind? KindOf(CollectionEvent e, Dictionary<Guid, InvoiceFacts> byId, DateOnly today) => e.Kind switch
    {
        CollectionEventKind.Reminder when e.ReminderLevel > 1 => GradeFactorKind.RemindersBeyondFirst,
        CollectionEventKind.Call => GradeFactorKind.Calls,
        CollectionEventKind.Letter => GradeFactorKind.Letters,
        CollectionEventKind.DisputeOpened => GradeFactorKind.Disputes,
        CollectionEventKind.AgencyHandover => GradeFactorKind.AgencyHandovers,
        CollectionEventKind.PromiseToPay when IsBroken(e, byId, today) => GradeFactorKind.BrokenPromises,
        _ => null,
    };

    private static bool IsBroken(CollectionEvent promise, Dictionary<Guid, InvoiceFacts> byId, DateOnly today) =>
        promise.InvoiceId is { } id && byId.TryGetValue(id, out var invoice)
        && PromiseCheck.Decide(promise, invoice, today) is PromiseResult.Broken;
}
