namespace CrmPlatform.Billing.Data;

/// <summary>An invoice's status from its amounts, dispute and due date, set after every change to it.</summary>
public static class InvoiceState
{
    public static void Refresh(this Invoice invoice, DateOnly today, DateOnly? lastMovement = null)
    {
        if (invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Void or InvoiceStatus.WrittenOff)
        {
            return;
        }

        if (invoice.OpenAmount <= 0)
        {
            invoice.Status = InvoiceStatus.Paid;
            invoice.SettledOn ??= lastMovement ?? today;
            return;
        }

        invoice.SettledOn = null;
        invoice.Status = invoice.Disputed ? InvoiceStatus.Disputed
            : today > invoice.DueDate ? InvoiceStatus.Overdue
            : invoice.PaidAmount > 0 || invoice.CreditedAmount > 0 ? InvoiceStatus.PartiallyPaid
            : InvoiceStatus.Open;
    }
}
