using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

/// <summary>
/// The two worked examples of the README's "How the payment grade is computed", as data. Today is
/// 1 December 2026; every amount is in EUR.
/// </summary>
internal static class WorkedExamples
{
    /// <summary>Pays about ten days late, needed one reminder and one call: B.</summary>
    public static class NordicParts
    {
        public static readonly InvoiceFacts Inv101 = PaidLate("INV-101", 10_000m, Day(2026, 7, 15), 0);

        public static readonly InvoiceFacts Inv102 = PaidLate("INV-102", 4_000m, Day(2026, 8, 31), 20);

        public static readonly InvoiceFacts Inv103 = Open("INV-103", 6_000m, Day(2026, 10, 15))
            .Paying((Day(2026, 10, 25), 3_000m), (Day(2026, 11, 14), 3_000m)) with { Stage = InvoiceStage.Paid };

        public static readonly IReadOnlyList<InvoiceFacts> All = [Inv101, Inv102, Inv103];

        public static readonly IReadOnlyList<CollectionEvent> Events =
        [
            new() { Kind = CollectionEventKind.Reminder, ReminderLevel = 1, On = Day(2026, 10, 12), InvoiceId = Inv103.Id },
            new() { Kind = CollectionEventKind.Reminder, ReminderLevel = 2, On = Day(2026, 10, 22), InvoiceId = Inv103.Id },
            new() { Kind = CollectionEventKind.Call, On = Day(2026, 11, 5), InvoiceId = Inv103.Id },
        ];
    }

    /// <summary>Pays about fifty days late, demanded a discount, broke a promise and still owes: D.</summary>
    public static class SlowBuild
    {
        public static readonly InvoiceFacts Inv201 = PaidLate("INV-201", 10_000m, Day(2025, 9, 30), 60);

        public static readonly InvoiceFacts Inv202 = PaidLate("INV-202", 6_000m, Day(2026, 4, 15), 30);

        public static readonly InvoiceFacts Inv203 = Open("INV-203", 4_300m, Day(2026, 8, 1))
            .Paying((Day(2026, 9, 15), 4_000m))
            .Crediting(Day(2026, 9, 20), 300m, CreditNoteReason.DiscountDemanded) with { Stage = InvoiceStage.Paid };

        public static readonly InvoiceFacts Inv204 = Open("INV-204", 2_000m, Day(2026, 9, 2)) with { Stage = InvoiceStage.Overdue };

        public static readonly IReadOnlyList<InvoiceFacts> All = [Inv201, Inv202, Inv203, Inv204];

        public static readonly IReadOnlyList<CollectionEvent> Events =
        [
            new() { Kind = CollectionEventKind.Reminder, ReminderLevel = 2, On = Day(2026, 9, 9), InvoiceId = Inv204.Id },
            new() { Kind = CollectionEventKind.Reminder, ReminderLevel = 3, On = Day(2026, 9, 23), InvoiceId = Inv204.Id },
            new() { Kind = CollectionEventKind.Letter, On = Day(2026, 10, 7), InvoiceId = Inv204.Id },
            new()
            {
                Kind = CollectionEventKind.PromiseToPay, On = Day(2026, 11, 2), InvoiceId = Inv204.Id,
                PromisedDate = Day(2026, 11, 16), PromisedAmount = 2_000m,
            },
        ];
    }
}
