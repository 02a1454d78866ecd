using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;

namespace CrmPlatform.Billing.Standing;

/// <summary>Billing's rows onto the behaviour logic's input records.</summary>
public static class BehaviourMapping
{
    public static InvoiceFacts ToFacts(this Invoice invoice, IReadOnlyList<AllocatedPayment> payments, IReadOnlyList<InvoiceCredit> credits) => new()
    {
        Id = invoice.Id,
        Number = invoice.Number,
        Currency = invoice.CurrencyCode,
        Amount = invoice.Amount,
        IssueDate = invoice.IssueDate,
        DueDate = invoice.DueDate,
        Terms = new InvoiceTerms(
            invoice.NetDays,
            invoice.DiscountBasisPoints > 0 ? new EarlyPaymentDiscount(invoice.DiscountBasisPoints / 100m, invoice.DiscountDays) : null),
        Stage = invoice.Status.ToStage(),
        Payments = payments,
        Credits = credits,
        WrittenOffOn = invoice.WrittenOffOn,
    };

    public static InvoiceStage ToStage(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => InvoiceStage.Draft,
        InvoiceStatus.PartiallyPaid => InvoiceStage.PartiallyPaid,
        InvoiceStatus.Paid => InvoiceStage.Paid,
        InvoiceStatus.Overdue => InvoiceStage.Overdue,
        InvoiceStatus.Disputed => InvoiceStage.Disputed,
        InvoiceStatus.Void => InvoiceStage.Void,
        InvoiceStatus.WrittenOff => InvoiceStage.WrittenOff,
        _ => InvoiceStage.Open,
    };

    public static CreditNoteReason ToBehaviour(this CreditReason reason) => reason switch
    {
        CreditReason.DiscountDemanded => CreditNoteReason.DiscountDemanded,
        CreditReason.DisputeSettlement => CreditNoteReason.DisputeSettlement,
        CreditReason.EarlyPaymentDiscount => CreditNoteReason.EarlyPaymentDiscount,
        CreditReason.EarlyPaymentDiscountExpired => CreditNoteReason.EarlyPaymentDiscountExpired,
        _ => CreditNoteReason.Commercial,
    };

    public static CollectionEvent ToEvent(this CollectionEffort effort) => new()
    {
        Id = effort.Id,
        Kind = effort.Kind switch
        {
            CollectionEffortKind.Call => CollectionEventKind.Call,
            CollectionEffortKind.Letter => CollectionEventKind.Letter,
            CollectionEffortKind.PromiseToPay => CollectionEventKind.PromiseToPay,
            CollectionEffortKind.DisputeOpened => CollectionEventKind.DisputeOpened,
            CollectionEffortKind.DisputeResolved => CollectionEventKind.DisputeResolved,
            CollectionEffortKind.AgencyHandover => CollectionEventKind.AgencyHandover,
            CollectionEffortKind.WriteOff => CollectionEventKind.WriteOff,
            _ => CollectionEventKind.Reminder,
        },
        On = effort.OccurredOn,
        InvoiceId = effort.InvoiceId,
        ReminderLevel = effort.Level,
        PromisedDate = effort.PromisedOn,
        PromisedAmount = effort.PromisedAmount,
    };

    public static PromiseOutcome ToOutcome(this PromiseResult result) => result switch
    {
        PromiseResult.Kept => PromiseOutcome.Kept,
        PromiseResult.Broken => PromiseOutcome.Broken,
        PromiseResult.Pending => PromiseOutcome.Pending,
        _ => PromiseOutcome.None,
    };
}
