namespace CrmPlatform.Billing.Behaviour;

/// <summary>What an invoice still owes and whether it is settled, read from its payments and credit notes.</summary>
public static class InvoiceBalance
{
    public static decimal PaidBy(InvoiceFacts invoice, DateOnly day) =>
        invoice.Payments.Where(p => p.ReceivedOn <= day).Sum(p => p.Amount);

    public static decimal CreditedBy(InvoiceFacts invoice, DateOnly day) =>
        invoice.Credits.Where(c => c.IssuedOn <= day).Sum(c => c.Amount);

    /// <summary>The amount less what was paid and credited by the end of the day; never below zero (an overpayment is the company's credit, not a negative invoice).</summary>
    public static decimal OpenOn(InvoiceFacts invoice, DateOnly day) =>
        Math.Max(0m, invoice.Amount - PaidBy(invoice, day) - CreditedBy(invoice, day));

    /// <summary>Issued and not void: the invoices that count at all.</summary>
    public static bool Counts(InvoiceFacts invoice) =>
        invoice.Stage is not (InvoiceStage.Draft or InvoiceStage.Void);

    /// <summary>
    /// Closed by the day: paid or credited in full, marked paid, or written off (closed at a loss).
    /// Void and draft invoices are never settled: they were never owed.
    /// </summary>
    public static bool IsSettledBy(InvoiceFacts invoice, DateOnly day) =>
        Counts(invoice)
        && (invoice.Stage is InvoiceStage.Paid or InvoiceStage.WrittenOff || OpenOn(invoice, day) == 0m);

    /// <summary>The day the last payment or credit note came in (the write-off day for a written-off invoice); null when unknown.</summary>
    public static DateOnly? SettledOn(InvoiceFacts invoice)
    {
        if (invoice.Stage is InvoiceStage.WrittenOff)
        {
            return invoice.WrittenOffOn;
        }

        var movements = invoice.Payments.Select(p => p.ReceivedOn).Concat(invoice.Credits.Select(c => c.IssuedOn));
        return movements.Any() ? movements.Max() : null;
    }
}
