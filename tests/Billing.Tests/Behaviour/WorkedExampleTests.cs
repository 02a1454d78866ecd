using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;
using static CrmPlatform.Billing.Tests.Behaviour.WorkedExamples;

namespace CrmPlatform.Billing.Tests.Behaviour;

/// <summary>The README's worked examples, figure by figure, as a finance person would recompute them.</summary>
public sealed class WorkedExampleTests
{
    [Fact]
    public void NordicParts_InvoiceThreeIsTwentyDaysLate_AsTheMeanOfItsTwoHalves()
    {
        // 3,000 × 10 + 3,000 × 30 = 120,000; ÷ 6,000 = 20.
        Assert.Equal(20m, DaysBeyondTerms.For(NordicParts.Inv103, Today).DaysBeyondTerms);
    }

    [Fact]
    public void NordicParts_WeightedDaysBeyondTerms_AreTen()
    {
        // All paid in the last 6 months (× 3): (10,000 × 0 + 4,000 × 20 + 3,000 × 10 + 3,000 × 30) × 3 ÷ (20,000 × 3) = 10.
        Assert.Equal(10m, PaymentScorer.Score(NordicParts.All, Today).WeightedDaysBeyondTerms);
    }

    [Fact]
    public void NordicParts_Score_IsSeventyThree()
    {
        // 80 + 10 × (70 − 80) ÷ 15 = 73.33 → 73.
        Assert.Equal(73, PaymentScorer.Score(NordicParts.All, Today).Score);
    }

    [Fact]
    public void NordicParts_Grade_IsB_WithSeventyOnePoints()
    {
        // 73 − 1 (the level-2 reminder; level 1 is routine) − 1 (the call) = 71: B is 70 to under 80.
        var assessment = PaymentGrader.Assess(NordicParts.All, NordicParts.Events, Today);

        Assert.Equal((PaymentGrade.B, 71m), (assessment.Grade, assessment.Points));
    }

    [Fact]
    public void NordicParts_Recommendation_IsNetThirtyAndOneMonthOfSales()
    {
        // 20,000.00 EUR invoiced in the last 12 months × 1 month ÷ 12 = 1,666.67 EUR.
        var assessment = PaymentGrader.Assess(NordicParts.All, NordicParts.Events, Today);

        var terms = TermsRecommender.Recommend(assessment, TermsPolicyDefaults.Policy, NordicParts.All, Today);

        Assert.Equal((30, 0, "1,666.67 EUR"), (terms.NetDays, terms.UpfrontPercent, terms.SuggestedCreditLimits.Single().ToString()));
    }

    [Fact]
    public void SlowBuild_WeightedDaysBeyondTerms_AreFiftyOne()
    {
        // INV-201 10,000 × 1 × 60 = 600,000; INV-202 6,000 × 2 × 30 = 360,000; INV-203 4,000 × 3 × 45 = 540,000;
        // INV-204 open 2,000 × 3 × 90 = 540,000. 2,040,000 ÷ (10,000 + 12,000 + 12,000 + 6,000) = 51.
        Assert.Equal(51m, PaymentScorer.Score(SlowBuild.All, Today).WeightedDaysBeyondTerms);
    }

    [Fact]
    public void SlowBuild_Score_IsFortyThree()
    {
        // 50 + (51 − 30) × (40 − 50) ÷ 30 = 43.
        Assert.Equal(43, PaymentScorer.Score(SlowBuild.All, Today).Score);
    }

    [Fact]
    public void SlowBuild_PromiseOnInvoiceFour_IsBroken()
    {
        Assert.Equal(PromiseResult.Broken, PromiseCheck.Decide(SlowBuild.Events[^1], SlowBuild.Inv204, Today));
    }

    [Fact]
    public void SlowBuild_Grade_IsD_WithThirtyOnePoints()
    {
        // 43 − 2 (two reminders past level 1) − 2 (a letter) − 5 (a broken promise) − 3 (a discount demanded) = 31.
        var assessment = PaymentGrader.Assess(SlowBuild.All, SlowBuild.Events, Today);

        Assert.Equal((PaymentGrade.D, 31m), (assessment.Grade, assessment.Points));
    }

    [Fact]
    public void SlowBuild_Recommendation_IsFiftyPercentUpfrontWithoutACreditLimit()
    {
        var assessment = PaymentGrader.Assess(SlowBuild.All, SlowBuild.Events, Today);

        var terms = TermsRecommender.Recommend(assessment, TermsPolicyDefaults.Policy, SlowBuild.All, Today);

        Assert.Equal((14, 50, 0), (terms.NetDays, terms.UpfrontPercent, terms.SuggestedCreditLimits.Count));
    }

    [Fact]
    public void SlowBuild_Summary_ShowsTheSum()
    {
        var assessment = PaymentGrader.Assess(SlowBuild.All, SlowBuild.Events, Today);

        Assert.Equal(
            "Grade D: score 43 − 2 (reminders past the first level) − 2 (collection letters) − 5 (broken promises to pay) − 3 (discounts demanded) = 31 points; D is 30 to under 50.",
            assessment.Summary);
    }
}
