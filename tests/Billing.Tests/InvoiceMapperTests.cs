using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Receivables;
using CrmPlatform.Contracts.Common.V1;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Tests;

/// <summary>An invoice from the request to the row and back to the answer.</summary>
public sealed class InvoiceMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid CompanyId = Guid.CreateVersion7();

    [Fact]
    public void AnIssuedInvoice_IsAnsweredAsItWasSent()
    {
        var sent = Sent();

        var answered = sent.ToNewInvoice(CompanyId, Now).ToProto();

        Assert.Equal(
            (sent.Number, sent.Amount, sent.IssueDate, sent.DueDate),
            (answered.Number, answered.Amount, answered.IssueDate, answered.DueDate));
    }

    [Fact]
    public void AnAmountWithCents_KeepsEveryCent()
    {
        var invoice = Sent().ToNewInvoice(CompanyId, Now);

        Assert.Equal((1250.5m, "EUR"), (invoice.Amount, invoice.CurrencyCode));
    }

    [Fact]
    public void AnIssuedInvoice_IsOpen()
    {
        var invoice = Sent().ToNewInvoice(CompanyId, Now);

        Assert.Equal((InvoiceStatus.Open, Proto.InvoiceStatus.Open), (invoice.Status, invoice.ToProto().Status));
    }

    [Fact]
    public void AnIssuedInvoice_IsAnsweredWithItsIdCompanyAndCreationTime()
    {
        var invoice = Sent().ToNewInvoice(CompanyId, Now);

        var answered = invoice.ToProto();

        Assert.Equal(
            (invoice.Id.ToString(), CompanyId.ToString(), Timestamp.FromDateTimeOffset(Now)),
            (answered.Id, answered.CompanyId, answered.CreateTime));
    }

    [Fact]
    public void TheNumber_IsTrimmed()
    {
        var sent = Sent();
        sent.Number = "  INV-1001 ";

        Assert.Equal("INV-1001", sent.ToNewInvoice(CompanyId, Now).Number);
    }

    private static Proto.Invoice Sent() => new()
    {
        CompanyId = CompanyId.ToString(),
        Number = "INV-1001",
        Amount = new Money { CurrencyCode = "EUR", Units = 1250, Nanos = 500_000_000 },
        IssueDate = new Date { Year = 2026, Month = 11, Day = 1 },
        DueDate = new Date { Year = 2026, Month = 12, Day = 1 },
    };
}
