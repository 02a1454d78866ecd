using System.Text;
using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>History from an ERP: idempotent by external ids, a report per row, grades afterwards.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BillingImportTests(PlatformFixture platform)
{
    /// <summary>Three invoices paid on their due dates, a payment each, by the ERP's ids.</summary>
    private static IEnumerable<BillingRecord> History(Books books)
    {
        for (var i = 0; i < 3; i++)
        {
            var invoice = Books.NewInvoice(1000, issuedDaysAgo: 100 - 20 * i, netDays: 30, books.Company.Id);
            invoice.ExternalId = $"ERP-INV-{i}";
            yield return new BillingRecord { Invoice = invoice };
            yield return new BillingRecord
            {
                Payment = new Payment
                {
                    CompanyId = books.Company.Id,
                    ExternalId = $"ERP-PAY-{i}",
                    Amount = Books.Eur(1000),
                    ReceivedDate = Books.Day(-70 + 20 * i),
                    Allocations = { new PaymentAllocation { InvoiceExternalId = $"ERP-INV-{i}", Amount = Books.Eur(1000) } },
                },
            };
        }
    }

    private static async Task<List<ImportBillingHistoryResponse>> Import(Books books, IEnumerable<BillingRecord> records)
    {
        using var call = books.Tenant.BillingImport.ImportBillingHistory();
        await call.RequestStream.WriteAsync(new ImportBillingHistoryRequest { Records = { records } });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseStream.ReadAllAsync().ToListAsync();
    }

    [Fact]
    public async Task ImportingTheSameHistoryTwice_WritesItOnce_AnsweringDuplicates()
    {
        using var books = await Books.Open(platform);
        await Import(books, History(books));

        var again = (await Import(books, History(books)))[^1];

        Assert.Equal((0, 6, 0), (again.Created, again.Duplicates, again.Rejected));
        Assert.Equal(3, (await books.Tenant.Billing.ListInvoicesAsync(new ListInvoicesRequest { CompanyId = books.Company.Id })).Invoices.Count);
    }

    [Fact]
    public async Task AnImportedHistory_GradesItsCompany()
    {
        using var books = await Books.Open(platform);

        var report = (await Import(books, History(books)))[^1];

        var behaviour = await books.Tenant.PaymentBehaviour.GetPaymentBehaviourAsync(new GetPaymentBehaviourRequest { CompanyId = books.Company.Id });
        Assert.Equal((6, 1, PaymentGrade.A), (report.Created, report.CompaniesGraded, behaviour.Grade));
    }

    [Fact]
    public async Task ABadRow_FailsOnlyItself_WithTheFieldsItBreaks()
    {
        using var books = await Books.Open(platform);
        var bad = Books.NewInvoice(1000, 10, 30, books.Company.Id);
        bad.ExternalId = "ERP-BAD";
        bad.Amount.CurrencyCode = "EUX";

        var report = (await Import(books, [.. History(books).Take(2), new BillingRecord { Invoice = bad }]))[^1];

        Assert.Equal((2, 1), (report.Created, report.Rejected));
        Assert.Equal(["invoice.amount.currency_code"], report.Rows[2].Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task JsonLinesOverRest_AreImportedAsOverGrpc()
    {
        using var books = await Books.Open(platform);
        var body = string.Join('\n', History(books).Select(r => Google.Protobuf.JsonFormatter.Default.Format(r)));

        using var response = await books.Tenant.Rest.PostAsync("/v1/billing:import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        var last = (await response.Content.ReadAsStringAsync()).Trim().Split('\n')[^1];
        var report = Google.Protobuf.JsonParser.Default.Parse<ImportBillingHistoryResponse>(last);
        Assert.Equal((6, 0), (report.Created, report.Rejected));
    }
    [Fact]
    public async Task CsvOverRest_IsImported_RecordByRecord()
    {
        using var books = await Books.Open(platform);
        var csv = $"""
            record,external_id,company_id,number,currency_code,amount,issue_date,due_date,received_date,invoice_external_id
            invoice,CSV-1,{books.Company.Id},CSV-2024-1,EUR,800.50,2024-03-01,2024-03-31,,
            payment,CSV-P-1,{books.Company.Id},,EUR,800.50,,,2024-04-12,CSV-1
            """;

        using var response = await books.Tenant.Rest.PostAsync("/v1/billing:import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var report = Google.Protobuf.JsonParser.Default.Parse<ImportBillingHistoryResponse>((await response.Content.ReadAsStringAsync()).Trim().Split('\n')[^1]);
        var invoice = Assert.Single((await books.Tenant.Billing.ListInvoicesAsync(new ListInvoicesRequest { CompanyId = books.Company.Id })).Invoices);
        Assert.Equal((2, InvoiceStatus.Paid, 12), (report.Created, invoice.Status, invoice.DaysBeyondTerms));
    }
    [Fact]
    public async Task AnInvoiceWhoseNumberIsTaken_FailsAlone_AndTheOthersLand()
    {
        using var books = await Books.Open(platform);
        var taken = await books.Invoice(100);
        var clash = Books.NewInvoice(200, 10, 30, books.Company.Id);
        (clash.Number, clash.ExternalId) = (taken.Number, "ERP-CLASH");

        var report = (await Import(books, [new BillingRecord { Invoice = clash }, .. History(books)]))[^1];

        Assert.Equal((6, 1, ImportOutcome.Rejected), (report.Created, report.Rejected, report.Rows[0].Outcome));
    }
}
