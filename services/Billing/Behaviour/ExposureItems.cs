namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// A company's exposure parts from its invoices, for <see cref="CreditChecker"/>: each issued
/// invoice's open balance (disputed ones too: they are still owed) and each draft's amount, plus
/// the company's unused credit per currency when it has any. Whether drafts count is the policy's
/// call in the check, not here.
/// </summary>
public static class ExposureItems
{
    public static IReadOnlyList<ExposureItem> From(IEnumerable<InvoiceFacts> invoices, DateOnly today, IEnumerable<CurrencyAmount>? unusedCredit = null)
    {
        var items = new List<ExposureItem>();
        foreach (var invoice in invoices)
        {
            if (invoice.Stage is InvoiceStage.Draft)
            {
                items.Add(new(ExposureSource.DraftInvoice, new(invoice.Amount, invoice.Currency), invoice.Ref));
            }
            else if (invoice.Stage is not (InvoiceStage.Void or InvoiceStage.WrittenOff or InvoiceStage.Paid)
                && InvoiceBalance.OpenOn(invoice, today) is > 0m and var open)
            {
                items.Add(new(ExposureSource.OpenInvoice, new(open, invoice.Currency), invoice.Ref));
            }
        }

        items.AddRange((unusedCredit ?? []).Where(c => c.Amount > 0m).Select(c => new ExposureItem(ExposureSource.UnusedCredit, c)));
        return items;
    }
}
