namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Where an invoice stands. Draft, Void and WrittenOff are decisions someone took; the behaviour
/// logic reads open and paid amounts from the payments and credit notes themselves, so a stale
/// Open/Overdue/PartiallyPaid/Paid does not change a result.
/// </summary>
public enum InvoiceStage
{
    Draft,
    Open,
    PartiallyPaid,
    Paid,
    Overdue,
    Disputed,
    Void,
    WrittenOff,
}
