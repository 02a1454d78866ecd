using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Payments through the gateway: partial and multiple, allocated or not, refused whole, reversed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BillingPaymentTests(PlatformFixture platform)
{
    [Fact]
    public async Task APartialPayment_LeavesTheRestOpen_AndTheInvoicePartlyPaid()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(1000, issuedDaysAgo: 10);

        await books.Pay(400, 0, (invoice, 400));

        var read = await books.Read(invoice);
        Assert.Equal((InvoiceStatus.PartiallyPaid, 600L, 400L), (read.Status, read.OpenAmount.Units, read.PaidAmount.Units));
    }

    [Fact]
    public async Task TwoPayments_SettleTheInvoice_OnTheDayTheLastArrived_CountingItsDaysBeyondTerms()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(1000, issuedDaysAgo: 40);

        await books.Pay(300, 20, (invoice, 300));
        await books.Pay(700, 5, (invoice, 700));

        var read = await books.Read(invoice);
        // Issued 40 days ago on net 30: due 10 days ago, settled 5 days ago.
        Assert.Equal((InvoiceStatus.Paid, 0L, Books.Day(-5), 5), (read.Status, read.OpenAmount.Units, read.SettledDate, read.DaysBeyondTerms));
    }

    [Fact]
    public async Task APaymentNamingNoInvoice_PaysTheOldestDueFirst_AndKeepsTheRestAsCredit()
    {
        using var books = await Books.Open(platform);
        var older = await books.Invoice(100, issuedDaysAgo: 50);
        var newer = await books.Invoice(200, issuedDaysAgo: 20);

        var payment = await books.Pay(350);

        Assert.Equal(
            (InvoiceStatus.Paid, InvoiceStatus.Paid, 50L),
            ((await books.Read(older)).Status, (await books.Read(newer)).Status, payment.UnallocatedAmount.Units));
    }

    [Fact]
    public async Task OnePayment_CanBeAllocatedAcrossInvoices()
    {
        using var books = await Books.Open(platform);
        var first = await books.Invoice(100);
        var second = await books.Invoice(200);

        var payment = await books.Pay(250, 0, (first, 100), (second, 150));

        Assert.Equal(
            (2, 0L, 50L),
            (payment.Allocations.Count, (await books.Read(first)).OpenAmount.Units, (await books.Read(second)).OpenAmount.Units));
    }

    [Fact]
    public async Task AnAllocationLargerThanTheOpenAmount_IsRefusedNamingIt_AndWritesNothing()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(100);

        var error = await Assert.ThrowsAsync<RpcException>(() => books.Pay(500, 0, (invoice, 150)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["payment.allocations[0].amount"], BadRequests.Fields(error));
        Assert.Empty((await books.Tenant.Billing.ListPaymentsAsync(new ListPaymentsRequest { CompanyId = books.Company.Id })).Payments);
        Assert.Equal(100L, (await books.Read(invoice)).OpenAmount.Units);
    }

    [Fact]
    public async Task APaymentOnAVoidInvoice_IsRefusedNamingTheInvoice()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(100);
        await books.Tenant.Billing.VoidInvoiceAsync(new VoidInvoiceRequest { Id = invoice.Id, Reason = "issued twice" });

        var error = await Assert.ThrowsAsync<RpcException>(() => books.Pay(100, 0, (invoice, 100)));

        Assert.Equal(["payment.allocations[0].invoice_id"], BadRequests.Fields(error));
    }

    [Fact]
    public async Task AnAllocationInAnotherCurrency_IsRefused_ForOneSumNeverMixesCurrencies()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(100, currency: "SEK");

        var error = await Assert.ThrowsAsync<RpcException>(() => books.Pay(100, 0, (invoice, 100)));

        Assert.Equal(["payment.allocations[0].amount.currency_code"], BadRequests.Fields(error));
    }

    [Fact]
    public async Task ReversingABouncedPayment_ReopensWhatItPaid()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(100, issuedDaysAgo: 10);
        var payment = await books.Pay(100, 0, (invoice, 100));

        var reversed = await books.Tenant.Billing.ReversePaymentAsync(new ReversePaymentRequest { Id = payment.Id, Reason = "returned: insufficient funds" });

        var read = await books.Read(invoice);
        Assert.Equal((true, InvoiceStatus.Open, 100L, true), (reversed.Reversed, read.Status, read.OpenAmount.Units, read.SettledDate is null));
    }

    [Fact]
    public async Task AnotherTenantsInvoice_IsNotFound_WhenAPaymentNamesIt()
    {
        using var ours = await Books.Open(platform);
        using var theirs = await Books.Open(platform);
        var theirInvoice = await theirs.Invoice(100);

        var error = await Assert.ThrowsAsync<RpcException>(() => ours.Pay(100, 0, (theirInvoice, 100)));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsPayment_IsNotFound_ForReadingOrReversing()
    {
        using var ours = await Books.Open(platform);
        using var theirs = await Books.Open(platform);
        var theirPayment = await theirs.Pay(100);

        var read = await Assert.ThrowsAsync<RpcException>(() => ours.Tenant.Billing.GetPaymentAsync(new GetPaymentRequest { Id = theirPayment.Id }).ResponseAsync);
        var reverse = await Assert.ThrowsAsync<RpcException>(() => ours.Tenant.Billing.ReversePaymentAsync(new ReversePaymentRequest { Id = theirPayment.Id }).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (read.StatusCode, reverse.StatusCode));
    }

    [Fact]
    public async Task AnInvoiceDueBeforeItsIssueInACurrencyThatIsNot4217_IsRefusedOverRest_NamingEveryField()
    {
        using var books = await Books.Open(platform);
        var json = $$"""
            {"companyId":"{{books.Company.Id}}","number":"INV-BAD","amount":{"currencyCode":"EUX","units":"10"},
             "issueDate":{"year":2026,"month":5,"day":10},"dueDate":{"year":2026,"month":5,"day":1} }
            """;

        var (status, body) = await BadRequests.Send(books.Tenant.Rest, HttpMethod.Post, "/v1/invoices", json);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal(["invoice.amount.currency_code", "invoice.due_date"], BadRequests.Fields(body).Order().ToList());
    }

    [Fact]
    public async Task AnEarlyPaymentDiscountTakenAfterItExpired_IsRecordedAsAShortPayment()
    {
        using var books = await Books.Open(platform);
        var request = Books.NewInvoice(1000, issuedDaysAgo: 30, netDays: 30, books.Company.Id);
        request.Terms = new PaymentTerms { NetDays = 30, DiscountBasisPoints = 200, DiscountDays = 10 };
        var invoice = await books.Tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest { Invoice = request });
        await books.Pay(980, 5, (invoice, 980));

        var note = await books.Tenant.Billing.IssueCreditNoteAsync(new IssueCreditNoteRequest
        {
            CreditNote = new CreditNote { CompanyId = books.Company.Id, InvoiceId = invoice.Id, Amount = Books.Eur(20), Reason = CreditReason.EarlyPaymentDiscount, IssueDate = Books.Day(0) },
        });

        Assert.Equal((CreditReason.EarlyPaymentDiscountExpired, InvoiceStatus.Paid), (note.Reason, (await books.Read(invoice)).Status));
    }
}
