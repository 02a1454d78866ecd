using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class DaysSalesOutstandingTests
{
    [Fact]
    public void Dso_IsReceivablesOverCreditSalesTimesTheDaysOfThePeriod()
    {
        // 90,000 invoiced in the last 90 days, 30,000 still open: 30,000 ÷ 90,000 × 90 = 30.0 days.
        InvoiceFacts[] invoices =
        [
            Open("A", 60_000m, Today.AddDays(-30)).Paying((Today.AddDays(-30), 60_000m)),
            Open("B", 30_000m, Today.AddDays(10)),
        ];

        Assert.Equal(30.0m, DaysSalesOutstanding.ByCurrency(invoices, Today).Single().Days);
    }

    [Fact]
    public void Dso_RoundsToOneDecimal()
    {
        // 10,000 ÷ 70,000 × 90 = 12.857… → 12.9.
        InvoiceFacts[] invoices = [Open("A", 60_000m, Today.AddDays(-30)).Paying((Today.AddDays(-30), 60_000m)), Open("B", 10_000m, Today.AddDays(10))];

        Assert.Equal(12.9m, DaysSalesOutstanding.ByCurrency(invoices, Today).Single().Days);
    }

    [Fact]
    public void Dso_CountsOnlyInvoicesIssuedInThePeriodAsSales()
    {
        // Issued 100 days ago: a receivable, not a sale of the last 90 days. Nothing sold → no DSO.
        var old = Open("A", 1_000m, Today.AddDays(-70)) with { IssueDate = Today.AddDays(-100) };

        var dso = DaysSalesOutstanding.ByCurrency([old], Today).Single();

        Assert.Equal((1_000m, 0m, (decimal?)null), (dso.Receivables, dso.CreditSales, dso.Days));
    }

    [Fact]
    public void Dso_IsPerCurrency()
    {
        InvoiceFacts[] invoices = [Open("A", 100m, Today.AddDays(10)), Open("B", 100m, Today.AddDays(10), "USD")];

        Assert.Equal(["EUR", "USD"], DaysSalesOutstanding.ByCurrency(invoices, Today).Select(d => d.Currency));
    }

    [Fact]
    public void Dso_LeavesOutVoidInvoicesFromSales()
    {
        InvoiceFacts[] invoices = [Open("A", 100m, Today.AddDays(10)), Open("B", 100m, Today.AddDays(10)) with { Stage = InvoiceStage.Void }];

        Assert.Equal(100m, DaysSalesOutstanding.ByCurrency(invoices, Today).Single().CreditSales);
    }
}
