using System.Diagnostics;
using CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Benchmarks.Billing;

/// <summary>Our path: the streaming ImportBillingHistory, as an ERP's connector would call it through the gateway.</summary>
public static class HistoryImport
{
    private const int RecordsPerMessage = 500;

    /// <summary>
    /// The ledger as an ERP's journal lists it: by date, an invoice on its issue day (before the
    /// payments of that day), a payment on the day it came in, naming its invoice by the ERP's id.
    /// </summary>
    public static List<BillingRecord> Records(LedgerChunk ledger) =>
    [
        .. ledger.Invoices.Select(i => (Day: i.IssueDate, Order: 0, Record: new BillingRecord { Invoice = ToProto(i) }))
            .Concat(ledger.Payments.Select(p => (Day: p.ReceivedOn, Order: 1, Record: new BillingRecord { Payment = ToProto(p) })))
            .OrderBy(r => r.Day).ThenBy(r => r.Order)
            .Select(r => r.Record),
    ];

    /// <returns>The wall time from opening the call to the last report, and the final totals.</returns>
    public static async Task<(TimeSpan Elapsed, ImportBillingHistoryResponse Report)> Run(BillingImportService.BillingImportServiceClient client, IReadOnlyList<BillingRecord> records)
    {
        var clock = Stopwatch.StartNew();
        using var call = client.ImportBillingHistory(deadline: DateTime.UtcNow.AddHours(2));
        var (report, problems) = await StreamedImport.Run(call, records.Chunk(RecordsPerMessage).Select(chunk => new ImportBillingHistoryRequest { Records = { chunk } }),
            batch => batch.Rows.Where(r => r.Outcome == ImportOutcome.Rejected)
                .Select(r => $"row {r.Row} ({r.ExternalId}): {string.Join(", ", r.Problems.Select(p => $"{p.Field} {p.Description}"))}"));
        clock.Stop();
        if (report.Created != records.Count)
        {
            throw new InvalidOperationException(
                $"Import of {records.Count:N0} records reported created {report.Created:N0}, duplicates {report.Duplicates:N0}, " +
                $"rejected {report.Rejected:N0}. First problems: {string.Join("; ", problems)}");
        }

        return (clock.Elapsed, report);
    }

    private static Invoice ToProto(LedgerInvoice invoice) => new()
    {
        ExternalId = invoice.ExternalId,
        CompanyId = invoice.CompanyId.ToString(),
        Number = invoice.Number,
        Amount = invoice.Amount.ToMoney(invoice.Currency),
        IssueDate = invoice.IssueDate.ToDate(),
        Terms = new PaymentTerms { NetDays = invoice.NetDays },
    };

    private static Payment ToProto(LedgerPayment payment) => new()
    {
        ExternalId = payment.ExternalId,
        CompanyId = payment.CompanyId.ToString(),
        Amount = payment.Amount.ToMoney(payment.Currency),
        ReceivedDate = payment.ReceivedOn.ToDate(),
        Method = PaymentMethod.BankTransfer,
        Reference = payment.Reference,
        Allocations = { new PaymentAllocation { InvoiceExternalId = payment.InvoiceExternalId, Amount = payment.Amount.ToMoney(payment.Currency) } },
    };
}
