using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class DaysBeyondTermsTests
{
    [Fact]
    public void DaysBeyondTerms_AreTheDaysPastDue_WhenPaidInOnePayment()
    {
        var invoice = PaidLate("INV-1", 1000m, Day(2026, 10, 1), 12);

        Assert.Equal(12m, DaysBeyondTerms.For(invoice, Today).DaysBeyondTerms);
    }

    [Fact]
    public void DaysBeyondTerms_AreNegative_WhenPaidBeforeTheDueDate()
    {
        var invoice = PaidLate("INV-1", 1000m, Day(2026, 10, 1), -5);

        Assert.Equal(-5m, DaysBeyondTerms.For(invoice, Today).DaysBeyondTerms);
    }

    [Fact]
    public void DaysBeyondTerms_WeighEachPaymentByItsAmount()
    {
        // 600 paid 10 days late and 400 paid 30 days late: (600 × 10 + 400 × 30) ÷ 1,000 = 18.
        var invoice = Open("INV-1", 1000m, Day(2026, 10, 1)).Paying((Day(2026, 10, 11), 600m), (Day(2026, 10, 31), 400m));

        Assert.Equal(18m, DaysBeyondTerms.For(invoice, Today).DaysBeyondTerms);
    }

    [Fact]
    public void DaysBeyondTerms_CountTheOpenBalanceAsLateAsToday()
    {
        // 500 paid on the due date, 500 still open 61 days later: (500 × 0 + 500 × 61) ÷ 1,000 = 30.5.
        var invoice = Open("INV-1", 1000m, Day(2026, 10, 1)).Paying((Day(2026, 10, 1), 500m));

        var lateness = DaysBeyondTerms.For(invoice, Today);

        Assert.Equal((30.5m, true, 500m), (lateness.DaysBeyondTerms!.Value, lateness.Parts[^1].IsOpenBalance, lateness.Parts[^1].Amount));
    }

    [Fact]
    public void DaysBeyondTerms_AreUnknown_ForAnOpenInvoiceNotYetDue()
    {
        var invoice = Open("INV-1", 1000m, Today.AddDays(10));

        Assert.Null(DaysBeyondTerms.For(invoice, Today).DaysBeyondTerms);
    }

    [Fact]
    public void DaysBeyondTerms_GiveCreditNotesNoDays()
    {
        // A credit note of 100 on day 40 carries no days; the 900 paid 5 days late is all there is.
        var invoice = Open("INV-1", 1000m, Day(2026, 10, 1))
            .Paying((Day(2026, 10, 6), 900m))
            .Crediting(Day(2026, 11, 10), 100m, CreditNoteReason.Commercial);

        Assert.Equal(5m, DaysBeyondTerms.For(invoice, Today).DaysBeyondTerms);
    }

    [Fact]
    public void DaysBeyondTerms_CountAWrittenOffRemainderUpToTheWriteOffDay()
    {
        // 200 paid on the due date, 800 written off 100 days after it: (200 × 0 + 800 × 100) ÷ 1,000 = 80.
        var invoice = Open("INV-1", 1000m, Day(2026, 6, 1)).Paying((Day(2026, 6, 1), 200m))
            with { Stage = InvoiceStage.WrittenOff, WrittenOffOn = Day(2026, 9, 9) };

        Assert.Equal(80m, DaysBeyondTerms.For(invoice, Today).DaysBeyondTerms);
    }

    [Fact]
    public void DaysBeyondTerms_HaveNoParts_ForAVoidInvoice()
    {
        var invoice = Open("INV-1", 1000m, Day(2026, 6, 1)) with { Stage = InvoiceStage.Void };

        Assert.Empty(DaysBeyondTerms.For(invoice, Today).Parts);
    }

    [Fact]
    public void DaysBeyondTerms_RoundToTwoDecimals()
    {
        // (1 × 0 + 2 × 1) ÷ 3 = 0.666… → 0.67.
        var invoice = Open("INV-1", 3m, Day(2026, 10, 1)).Paying((Day(2026, 10, 1), 1m), (Day(2026, 10, 2), 2m));

        Assert.Equal(0.67m, DaysBeyondTerms.For(invoice, Today).DaysBeyondTerms);
    }
}
