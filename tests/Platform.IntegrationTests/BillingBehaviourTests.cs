using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Payment behaviour, grade history, aging and credit through the gateway, up to date the moment money moves.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BillingBehaviourTests(PlatformFixture platform)
{
    private static Task<PaymentBehaviour> Behaviour(Books books) =>
        books.Tenant.PaymentBehaviour.GetPaymentBehaviourAsync(new GetPaymentBehaviourRequest { CompanyId = books.Company.Id }).ResponseAsync;

    /// <summary>Three invoices of 1,000 EUR, each paid on its due date.</summary>
    private static async Task PaidOnTime(Books books, int count = 3)
    {
        for (var i = 0; i < count; i++)
        {
            var invoice = await books.Invoice(1000, issuedDaysAgo: 100 - 20 * i, netDays: 30);
            await books.Pay(1000, 70 - 20 * i, (invoice, 1000));
        }
    }

    [Fact]
    public async Task ThreeInvoicesPaidOnTime_GiveAGradeAtTheNextRead()
    {
        using var books = await Books.Open(platform);

        await PaidOnTime(books);

        var behaviour = await Behaviour(books);
        Assert.Equal((80, PaymentGrade.A, 3), (behaviour.Score, behaviour.Grade, behaviour.SettledInvoiceCount));
    }

    [Fact]
    public async Task TwoSettledInvoices_AreNotEnoughHistory_NeverAMadeUpGrade()
    {
        using var books = await Books.Open(platform);

        await PaidOnTime(books, count: 2);

        Assert.Equal(PaymentGrade.NotEnoughHistory, (await Behaviour(books)).Grade);
    }

    [Fact]
    public async Task TheExplanation_NamesTheScoresPoints_AndEachInvoicesDaysBeyondTerms()
    {
        using var books = await Books.Open(platform);
        await PaidOnTime(books);

        var behaviour = await Behaviour(books);

        var score = Assert.Single(behaviour.Factors, f => f.Kind == "PaymentScore");
        Assert.Equal(("80", 3, "0"), (score.Points, behaviour.Invoices.Count, behaviour.Invoices[0].DaysBeyondTerms));
    }

    [Fact]
    public async Task EveryGradeChange_IsListedNewestFirst_WithItsReason()
    {
        using var books = await Books.Open(platform);
        await PaidOnTime(books);

        var changes = await books.Tenant.PaymentBehaviour.ListGradeChangesAsync(new ListGradeChangesRequest { CompanyId = books.Company.Id });

        Assert.Equal(PaymentGrade.A, changes.Changes[0].Grade);
        Assert.StartsWith("payment of 1,000.00 EUR received", changes.Changes[0].Reason);
        Assert.Equal([3, 6, 12], changes.Trends.Select(t => t.Months));
    }

    [Fact]
    public async Task TheAgingReport_PutsEachOpenBalanceInItsBucket_PerCurrency()
    {
        using var books = await Books.Open(platform);
        await books.Invoice(100, issuedDaysAgo: 10, netDays: 30);
        await books.Invoice(200, issuedDaysAgo: 75, netDays: 30);
        await books.Invoice(300, issuedDaysAgo: 40, netDays: 30, currency: "SEK");

        var report = await books.Tenant.PaymentBehaviour.GetAgingReportAsync(new GetAgingReportRequest());

        var eur = Assert.Single(report.Currencies, c => c.CurrencyCode == "EUR");
        var sek = Assert.Single(report.Currencies, c => c.CurrencyCode == "SEK");
        Assert.Equal((100L, 200L, 300L, 2), (eur.Current.Units, eur.Days31To60.Units, sek.Days1To30.Units, report.Currencies.Count));
    }

    [Fact]
    public async Task CheckCredit_OverTheLimit_Holds_SayingWhy()
    {
        using var books = await Books.Open(platform);
        await books.Tenant.PaymentBehaviour.SetCreditLimitAsync(new SetCreditLimitRequest { CompanyId = books.Company.Id, Limit = Books.Eur(1000) });
        await books.Invoice(800, issuedDaysAgo: 5);

        var check = await books.Tenant.PaymentBehaviour.CheckCreditAsync(new CheckCreditRequest { CompanyId = books.Company.Id, Amount = Books.Eur(500) });

        Assert.Equal((CreditDecision.Hold, 800L, -300L), (check.Decision, check.Exposure.Units, check.Headroom.Units));
        Assert.NotEmpty(check.Reasons);
    }

    [Fact]
    public async Task IssuingAnInvoiceOverTheLimit_IsRefused_UnlessSomeoneApprovesIt_WhoIsRecorded()
    {
        using var books = await Books.Open(platform);
        using var maria = await platform.NewMember(books.Tenant, "Maria Holm");
        await books.Tenant.PaymentBehaviour.SetCreditLimitAsync(new SetCreditLimitRequest { CompanyId = books.Company.Id, Limit = Books.Eur(1000) });
        var request = new CreateInvoiceRequest { Invoice = Books.NewInvoice(1500, 0, 30, books.Company.Id) };

        var refused = await Assert.ThrowsAsync<RpcException>(() => books.Tenant.Billing.CreateInvoiceAsync(request).ResponseAsync);
        request.CreditOverrideReason = "CFO approved: large one-off order";
        var approved = await maria.Client.Billing.CreateInvoiceAsync(request);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal((maria.Id, "CFO approved: large one-off order", CreditDecision.Hold),
            (approved.CreditOverride.ApprovedBy, approved.CreditOverride.Reason, approved.CreditOverride.Check.Decision));
    }

    [Fact]
    public async Task AnotherTenantsCompany_IsNotFound_ForBehaviourAndCredit()
    {
        using var ours = await Books.Open(platform);
        using var theirs = await Books.Open(platform);

        var behaviour = await Assert.ThrowsAsync<RpcException>(() => ours.Tenant.PaymentBehaviour.GetPaymentBehaviourAsync(new GetPaymentBehaviourRequest { CompanyId = theirs.Company.Id }).ResponseAsync);
        var check = await Assert.ThrowsAsync<RpcException>(() => ours.Tenant.PaymentBehaviour.CheckCreditAsync(new CheckCreditRequest { CompanyId = theirs.Company.Id, Amount = Books.Eur(1) }).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (behaviour.StatusCode, check.StatusCode));
    }

    [Fact]
    public async Task PaymentBehaviour_IsServedOverRest()
    {
        using var books = await Books.Open(platform);
        await PaidOnTime(books);

        using var response = await books.Tenant.Rest.GetAsync($"/v1/companies/{books.Company.Id}/payment-behaviour");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"grade\":\"PAYMENT_GRADE_A\"", (await response.Content.ReadAsStringAsync()).Replace(" ", ""));
    }
    [Fact]
    public async Task ACreditLimitSetOverRest_IsWhatTheNextCheckOverRestComparesWith()
    {
        using var books = await Books.Open(platform);

        using var set = await books.Tenant.Rest.PutAsync($"/v1/companies/{books.Company.Id}/credit-limit",
            new StringContent("""{"limit":{"currencyCode":"EUR","units":"100"}}""", System.Text.Encoding.UTF8, "application/json"));
        using var check = await books.Tenant.Rest.PostAsync("/v1/credit-checks",
            new StringContent($$"""{"companyId":"{{books.Company.Id}}","amount":{"currencyCode":"EUR","units":"500"} }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK), (set.StatusCode, check.StatusCode));
        Assert.Contains("CREDIT_DECISION_HOLD", await check.Content.ReadAsStringAsync());
    }
}
