using CrmPlatform.Billing.Behaviour;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class CreditCheckerTests
{
    private static readonly CurrencyAmount Limit = Eur(50_000m);
    private static readonly TermsPolicy Policy = TermsPolicyDefaults.Policy;

    private static CurrencyAmount Eur(decimal amount) => new(amount, "EUR");

    private static ExposureItem OpenInvoice(decimal amount, string currency = "EUR") => new(ExposureSource.OpenInvoice, new(amount, currency));

    private static CreditCheckResult Check(
        IReadOnlyList<ExposureItem> exposure, decimal amount, PaymentGrade grade = PaymentGrade.B, TermsPolicy? policy = null, CurrencyAmount? limit = null) =>
        CreditChecker.CheckCredit(limit ?? Limit, exposure, Eur(amount), grade, policy ?? Policy);

    [Fact]
    public void CheckCredit_Allows_WellWithinTheLimit()
    {
        var check = Check([OpenInvoice(10_000m)], 5_000m);

        Assert.Equal((CreditVerdict.Allow, "Exposure 10,000.00 EUR + this 5,000.00 EUR comes to 15,000.00 EUR, within the limit 50,000.00 EUR"),
            (check.Verdict, check.Reasons.Single()));
    }

    [Fact]
    public void CheckCredit_SaysByHowMuchTheLimitIsExceeded()
    {
        var check = Check([OpenInvoice(40_000m), OpenInvoice(2_000m)], 10_000m);

        Assert.Equal("Exposure 42,000.00 EUR + this 10,000.00 EUR exceeds the limit 50,000.00 EUR by 2,000.00 EUR", check.Reasons.Single());
    }

    [Fact]
    public void CheckCredit_Holds_OverTheLimit_WhenThePolicyHolds()
    {
        Assert.Equal(CreditVerdict.Hold, Check([OpenInvoice(42_000m)], 10_000m).Verdict);
    }

    [Fact]
    public void CheckCredit_Warns_OverTheLimit_WhenThePolicyWarns()
    {
        Assert.Equal(CreditVerdict.Warn, Check([OpenInvoice(42_000m)], 10_000m, policy: Policy with { OverLimit = OverLimitResponse.Warn }).Verdict);
    }

    [Fact]
    public void CheckCredit_Warns_FromThePolicysShareOfTheLimit()
    {
        var check = Check([OpenInvoice(40_000m)], 6_000m);

        Assert.Equal((CreditVerdict.Warn, "Exposure 40,000.00 EUR + this 6,000.00 EUR comes to 46,000.00 EUR, 92 % of the limit 50,000.00 EUR (warning from 90 %)"),
            (check.Verdict, check.Reasons.Single()));
    }

    [Fact]
    public void CheckCredit_Warns_NotHolds_AtExactlyTheLimit()
    {
        Assert.Equal(CreditVerdict.Warn, Check([OpenInvoice(40_000m)], 10_000m, policy: Policy with { WarnAtPercentOfLimit = 100 }).Verdict);
    }

    [Fact]
    public void CheckCredit_LeavesDraftsOut_UnlessThePolicyCountsThem()
    {
        ExposureItem[] exposure = [OpenInvoice(10_000m), new(ExposureSource.DraftInvoice, Eur(30_000m))];

        Assert.Equal((10_000m, 40_000m),
            (Check(exposure, 1m).Exposure.Amount, Check(exposure, 1m, policy: Policy with { CountDrafts = true }).Exposure.Amount));
    }

    [Fact]
    public void CheckCredit_SubtractsTheCompanysUnusedCredit()
    {
        ExposureItem[] exposure = [OpenInvoice(10_000m), new(ExposureSource.UnusedCredit, Eur(4_000m))];

        Assert.Equal(6_000m, Check(exposure, 1m).Exposure.Amount);
    }

    [Fact]
    public void CheckCredit_NeverAddsExposureInAnotherCurrency_ButWarnsOfIt()
    {
        var check = Check([OpenInvoice(10_000m), OpenInvoice(80_000m, "USD")], 5_000m);

        Assert.Equal((CreditVerdict.Warn, 10_000m, "Also open: 80,000.00 USD, not counted against a limit in EUR"),
            (check.Verdict, check.Exposure.Amount, check.Reasons[0]));
    }

    [Fact]
    public void CheckCredit_Warns_WhenTheAmountIsInAnotherCurrencyThanTheLimit()
    {
        var check = CreditChecker.CheckCredit(Limit, [], new CurrencyAmount(100m, "USD"), PaymentGrade.A, Policy);

        Assert.Equal((CreditVerdict.Warn, (CurrencyAmount?)null), (check.Verdict, check.Headroom));
    }

    [Fact]
    public void CheckCredit_Holds_ForGradeE_EvenWellWithinTheLimit()
    {
        var check = Check([], 100m, PaymentGrade.E);

        Assert.Equal((CreditVerdict.Hold, "Grade E: no new credit until the grade improves"), (check.Verdict, check.Reasons[0]));
    }

    [Fact]
    public void CheckCredit_Holds_WhenTheGradesTermsHoldNewWork()
    {
        var policy = Policy with { Terms = [.. Policy.Terms.Select(t => t.Grade == PaymentGrade.C ? t with { HoldNewWork = true } : t)] };

        Assert.Equal(CreditVerdict.Hold, Check([], 100m, PaymentGrade.C, policy).Verdict);
    }

    [Fact]
    public void CheckCredit_Warns_WhenTheGradesTermsAskForAnUpfrontShare()
    {
        var check = Check([], 10_000m, PaymentGrade.D);

        Assert.Equal((CreditVerdict.Warn, "The terms for grade D ask 50 % upfront: 5,000.00 EUR of this 10,000.00 EUR"), (check.Verdict, check.Reasons[0]));
    }

    [Fact]
    public void CheckCredit_WithoutALimit_ChecksOnlyTheGrade()
    {
        var check = CreditChecker.CheckCredit(null, [OpenInvoice(1_000_000m)], Eur(1_000_000m), PaymentGrade.A, Policy);

        Assert.Equal((CreditVerdict.Allow, "No credit limit is set; exposure is 1,000,000.00 EUR"), (check.Verdict, check.Reasons.Single()));
    }

    [Fact]
    public void CheckCredit_GivesTheHeadroomLeft_NegativeWhenOver()
    {
        Assert.Equal(Eur(-2_000m), Check([OpenInvoice(42_000m)], 10_000m).Headroom);
    }
}
