using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class AgingTests
{
    [Fact]
    public void Aging_PutsEachOpenBalanceInTheBucketOfItsDaysPastDue()
    {
        InvoiceFacts[] invoices =
        [
            Open("A", 100m, Today),                  // due today: current
            Open("B", 200m, Today.AddDays(-1)),      // 1
            Open("C", 300m, Today.AddDays(-30)),     // 30
            Open("D", 400m, Today.AddDays(-31)),     // 31
            Open("E", 500m, Today.AddDays(-60)),     // 60
            Open("F", 600m, Today.AddDays(-61)),     // 61
            Open("G", 700m, Today.AddDays(-90)),     // 90
            Open("H", 800m, Today.AddDays(-91)),     // 91
        ];

        Assert.Equal([new CurrencyAging("EUR", 100m, 500m, 900m, 1300m, 800m)], Aging.ByCurrency(invoices, Today));
    }

    [Fact]
    public void Aging_CountsOnlyWhatIsStillOpen_AfterPaymentsAndCredits()
    {
        var invoice = Open("A", 1000m, Today.AddDays(-10))
            .Paying((Today.AddDays(-5), 600m))
            .Crediting(Today.AddDays(-2), 100m, CreditNoteReason.Commercial);

        Assert.Equal(300m, Aging.ByCurrency([invoice], Today).Single().Days1To30);
    }

    [Fact]
    public void Aging_KeepsEachCurrencyApart()
    {
        InvoiceFacts[] invoices = [Open("A", 100m, Today), Open("B", 250m, Today, "USD"), Open("C", 50m, Today, "USD")];

        Assert.Equal(["EUR 100", "USD 300"], Aging.ByCurrency(invoices, Today).Select(a => $"{a.Currency} {a.Total:0}"));
    }

    [Theory]
    [InlineData(InvoiceStage.Draft)]
    [InlineData(InvoiceStage.Void)]
    [InlineData(InvoiceStage.WrittenOff)]
    [InlineData(InvoiceStage.Paid)]
    public void Aging_LeavesOutWhatIsNotOwed(InvoiceStage stage)
    {
        Assert.Empty(Aging.ByCurrency([Open("A", 100m, Today.AddDays(-40)) with { Stage = stage }], Today));
    }

    [Fact]
    public void Aging_CountsADisputedInvoice_ItIsStillOwed()
    {
        Assert.Equal(100m, Aging.ByCurrency([Open("A", 100m, Today.AddDays(-40)) with { Stage = InvoiceStage.Disputed }], Today).Single().Days31To60);
    }

    [Fact]
    public void Aging_AsOfAnEarlierDay_IgnoresLaterPayments()
    {
        var invoice = Open("A", 100m, Day(2026, 10, 1)).Paying((Day(2026, 11, 20), 100m));

        Assert.Equal(100m, Aging.ByCurrency([invoice], Day(2026, 11, 1)).Single().Days31To60);
    }
}
