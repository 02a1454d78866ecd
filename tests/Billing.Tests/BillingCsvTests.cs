using CrmPlatform.Billing.Import;
using Grpc.Core;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Tests;

/// <summary>Billing history as CSV: a record a line, exact amounts, a bad cell costing its row alone.</summary>
public sealed class BillingCsvTests
{
    private const string Header = "record,external_id,company_id,number,currency_code,amount,issue_date,due_date,received_date,invoice_external_id,reason\n";

    private static async Task<List<ImportRow>> Read(string csv)
    {
        var rows = new List<ImportRow>();
        await foreach (var row in await BillingCsv.Read(new StringReader(csv), CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task AnInvoiceRow_KeepsEveryCentOfItsAmount()
    {
        var rows = await Read(Header + "invoice,ERP-1,c1,2024-001,EUR,1250.55,2024-03-01,2024-03-31,,,\n");

        var invoice = Assert.Single(rows).Record.Invoice;
        Assert.Equal((1250L, 550_000_000, "EUR", 31), (invoice.Amount.Units, invoice.Amount.Nanos, invoice.Amount.CurrencyCode, invoice.DueDate.Day));
    }

    [Fact]
    public async Task APaymentNamingAnInvoice_AllocatesAllOfItThere()
    {
        var rows = await Read(Header + "payment,ERP-P-1,c1,,EUR,800,,,2024-04-12,ERP-1,\n");

        var allocation = Assert.Single(Assert.Single(rows).Record.Payment.Allocations);
        Assert.Equal(("ERP-1", 800L), (allocation.InvoiceExternalId, allocation.Amount.Units));
    }

    [Fact]
    public async Task ACreditNoteRow_ReadsItsReason()
    {
        var rows = await Read(Header + "credit_note,ERP-C-1,c1,,EUR,20,2024-04-12,,,ERP-1,discount_demanded\n");

        Assert.Equal(Proto.CreditReason.DiscountDemanded, Assert.Single(rows).Record.CreditNote.Reason);
    }

    [Fact]
    public async Task AnUnreadableDate_FailsItsRowAlone()
    {
        var rows = await Read(Header + "invoice,ERP-1,c1,A,EUR,10,1st of March,2024-03-31,,,\ninvoice,ERP-2,c1,B,EUR,10,2024-03-01,2024-03-31,,,\n");

        Assert.Equal((true, false), (rows[0].Unreadable is not null, rows[1].Unreadable is not null));
    }

    [Fact]
    public async Task AnUnknownColumn_RefusesTheWholeBody_NamingIt()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Read("record,colour\ninvoice,red\n"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("header[1]", error.Status.Detail);
    }
}
