using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class PaymentScorerTests
{
    [Fact]
    public void Score_IsSeventy_WhenEveryInvoiceIsPaidFifteenDaysLate()
    {
        InvoiceFacts[] invoices =
        [
            PaidLate("INV-1", 1000m, Day(2026, 8, 1), 15),
            PaidLate("INV-2", 2500m, Day(2026, 9, 1), 15),
            PaidLate("INV-3", 400m, Day(2026, 10, 1), 15),
        ];

        Assert.Equal(70, PaymentScorer.Score(invoices, Today).Score);
    }

    [Fact]
    public void Score_IsEighty_WhenEveryInvoiceIsPaidOnTheDueDate()
    {
        InvoiceFacts[] invoices = [PaidLate("INV-1", 1000m, Day(2026, 8, 1), 0), PaidLate("INV-2", 700m, Day(2026, 9, 1), 0)];

        Assert.Equal(80, PaymentScorer.Score(invoices, Today).Score);
    }

    [Fact]
    public void Score_IsAHundred_WhenEveryInvoiceIsPaidTwentyDaysEarly()
    {
        InvoiceFacts[] invoices = [PaidLate("INV-1", 1000m, Day(2026, 8, 1), -20), PaidLate("INV-2", 700m, Day(2026, 9, 1), -25)];

        Assert.Equal(100, PaymentScorer.Score(invoices, Today).Score);
    }

    [Fact]
    public void Score_WeighsLargerAmountsMore()
    {
        // 3,000 on time and 1,000 sixty days late: (3,000 × 0 + 1,000 × 60) ÷ 4,000 = 15 days → 70.
        InvoiceFacts[] invoices = [PaidLate("INV-1", 3000m, Day(2026, 8, 1), 0), PaidLate("INV-2", 1000m, Day(2026, 8, 1), 60)];

        var score = PaymentScorer.Score(invoices, Today);

        Assert.Equal((15m, 70), (score.WeightedDaysBeyondTerms, score.Score));
    }

    [Fact]
    public void Score_WeighsTheLastSixMonthsThreeTimesAndTwelveToTwentyFourMonthsOnce()
    {
        // 30 days late 18 months ago (× 1), on time 2 months ago (× 3): (1,000 × 1 × 30 + 1,000 × 3 × 0) ÷ 4,000 = 7.5 → 75.
        InvoiceFacts[] invoices = [PaidLate("INV-1", 1000m, Day(2025, 5, 2), 30), PaidLate("INV-2", 1000m, Day(2026, 10, 1), 0)];

        var score = PaymentScorer.Score(invoices, Today);

        Assert.Equal((7.5m, 75), (score.WeightedDaysBeyondTerms, score.Score));
    }

    [Fact]
    public void Score_WeighsSixToTwelveMonthsAgoTwice()
    {
        Assert.Equal(2, RecencyWeight.For(Day(2026, 3, 1), Today));
    }

    [Fact]
    public void Score_LeavesOutPaymentsOlderThanTwentyFourMonths()
    {
        InvoiceFacts[] invoices = [PaidLate("INV-1", 1000m, Day(2024, 8, 1), 90), PaidLate("INV-2", 1000m, Day(2026, 10, 1), 0)];

        Assert.Equal(80, PaymentScorer.Score(invoices, Today).Score);
    }

    [Fact]
    public void Score_IsUnknown_WithoutAnyPaymentOrPastDueBalance()
    {
        InvoiceFacts[] invoices = [Open("INV-1", 1000m, Today.AddDays(20))];

        Assert.Null(PaymentScorer.Score(invoices, Today).Score);
    }

    [Fact]
    public void Score_CountsAnUnpaidInvoiceAsLateAsItIsToday()
    {
        // Nothing paid, 30 days past due today → 50.
        InvoiceFacts[] invoices = [Open("INV-1", 1000m, Today.AddDays(-30))];

        Assert.Equal(50, PaymentScorer.Score(invoices, Today).Score);
    }

    [Fact]
    public void Score_NeverAddsAmountsOfDifferentCurrencies()
    {
        // EUR: three invoices on time (0 days); USD: one invoice 60 days late, however large.
        // Currencies are averaged by invoice count: (0 × 3 + 60 × 1) ÷ 4 = 15 days → 70.
        InvoiceFacts[] invoices =
        [
            PaidLate("INV-1", 100m, Day(2026, 8, 1), 0),
            PaidLate("INV-2", 100m, Day(2026, 9, 1), 0),
            PaidLate("INV-3", 100m, Day(2026, 10, 1), 0),
            PaidLate("US-1", 1_000_000m, Day(2026, 9, 1), 60, "USD"),
        ];

        var score = PaymentScorer.Score(invoices, Today);

        Assert.Equal(
            (15m, 70, "EUR 0 3, USD 60 1"),
            (score.WeightedDaysBeyondTerms, score.Score, string.Join(", ", score.PerCurrency.Select(c => $"{c.Currency} {c.WeightedDaysBeyondTerms:0.##} {c.InvoiceCount}"))));
    }
}
