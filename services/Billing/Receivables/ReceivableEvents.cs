using CrmPlatform.Billing.Data;
using CrmPlatform.EventContracts.Billing.V1;

namespace CrmPlatform.Billing.Receivables;

/// <summary>The events money moving on invoices tells the other services.</summary>
internal static class ReceivableEvents
{
    public static InvoiceIssued Issued(Guid tenantId, Invoice invoice) =>
        new(tenantId, invoice.Id, invoice.CompanyId, invoice.Number, invoice.CurrencyCode, invoice.Amount, invoice.IssueDate, invoice.DueDate)
        {
            ProjectId = invoice.ProjectId,
            ExternalId = invoice.ExternalId,
        };

    public static PaymentReceived Received(Guid tenantId, Payment payment, IReadOnlyDictionary<Guid, Invoice> invoices) =>
        new(tenantId, payment.Id, payment.CompanyId, payment.CurrencyCode, payment.Amount, payment.UnallocatedAmount, payment.ReceivedOn,
            [.. payment.Allocations.Select(a => new PaidInvoice(
                a.InvoiceId, a.Amount, Math.Max(invoices[a.InvoiceId].OpenAmount, 0), Math.Max(0, payment.ReceivedOn.DayNumber - invoices[a.InvoiceId].DueDate.DayNumber)))]);

    public static PaymentReversed Reversed(Guid tenantId, Payment payment) =>
        new(tenantId, payment.Id, payment.CompanyId, payment.CurrencyCode, payment.Amount, payment.ReverseReason);
}
