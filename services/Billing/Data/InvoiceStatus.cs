namespace CrmPlatform.Billing.Data;

/// <summary>
/// Stored as text. Draft, Void and WrittenOff are set by what happens to the invoice; the others
/// follow from its amounts, dispute and due date (<see cref="InvoiceState"/>).
/// </summary>
public enum InvoiceStatus
{
    Unspecified,
    Open,
    Paid,
    Void,
    Draft,
    PartiallyPaid,
    Overdue,
    Disputed,
    WrittenOff,
}
