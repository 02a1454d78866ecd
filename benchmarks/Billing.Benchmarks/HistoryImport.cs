using System.Diagnostics;
using CrmPlatform.Contracts.Billing.V1;
using Grpc.Core;

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

    /// <summary>
    /// Calls of this many records, one after another: the gateway gives a bulk call 15 minutes
    /// (gateway/Proxy/ServiceRoutes.cs), and 50,000 records take longer than that on two cores.
    /// </summary>
    public const int RecordsPerCall = 10_000;

    /// <summary>How often a call that failed is sent again before the benchmark gives up.</summary>
    private const int Attempts = 3;

    public sealed record Outcome(TimeSpan Elapsed, int CompaniesGraded, List<string> Failures);

    /// <summary>
    /// Sends the records in calls of <see cref="RecordsPerCall"/>; a call that fails is sent again
    /// whole, as a connector would: the import is idempotent by external id, so what a failed call
    /// committed answers DUPLICATE the second time.
    /// </summary>
    /// <returns>
    /// The wall time from opening the first call to the last report of the last (failed calls
    /// included), the company standings the completed calls recomputed, and why calls failed.
    /// </returns>
    public static async Task<Outcome> Run(BillingImportService.BillingImportServiceClient client, IReadOnlyList<BillingRecord> records)
    {
        var clock = Stopwatch.StartNew();
        var (graded, failures) = (0, new List<string>());
        foreach (var part in records.Chunk(RecordsPerCall))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var call = client.ImportBillingHistory(deadline: DateTime.UtcNow.AddHours(1));
                    var (report, problems) = await StreamedImport.Run(call, part.Chunk(RecordsPerMessage).Select(chunk => new ImportBillingHistoryRequest { Records = { chunk } }),
                        batch => batch.Rows.Where(r => r.Outcome == ImportOutcome.Rejected)
                            .Select(r => $"row {r.Row} ({r.ExternalId}): {string.Join(", ", r.Problems.Select(p => $"{p.Field} {p.Description}"))}"));
                    if (report.Created + report.Duplicates != part.Length || report.Rejected != 0 || (attempt == 1 && report.Duplicates != 0))
                    {
                        throw new InvalidOperationException(
                            $"A call of {part.Length:N0} records reported created {report.Created:N0}, duplicates {report.Duplicates:N0}, " +
                            $"rejected {report.Rejected:N0}. First problems: {string.Join("; ", problems)}");
                    }

                    graded += report.CompaniesGraded;
                    break;
                }
                catch (RpcException e) when (attempt < Attempts)
                {
                    failures.Add($"{e.StatusCode} after {clock.Elapsed.TotalSeconds:0} s");
                }
            }
        }

        return new Outcome(clock.Elapsed, graded, failures);
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
