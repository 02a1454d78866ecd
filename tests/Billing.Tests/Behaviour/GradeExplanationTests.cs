using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;
using static CrmPlatform.Billing.Tests.Behaviour.WorkedExamples;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class GradeExplanationTests
{
    private static readonly GradeAssessment Slow = PaymentGrader.Assess(SlowBuild.All, SlowBuild.Events, Today);

    private static GradeFactor Factor(GradeFactorKind kind) => Slow.Factors.Single(f => f.Kind == kind);

    [Fact]
    public void Explanation_ListsTheScoreAndEveryPenalty_EvenThoseThatCameToNothing()
    {
        Assert.Equal([GradeFactorKind.PaymentScore, .. GradeRules.Penalties], Slow.Factors.Select(f => f.Kind));
    }

    [Fact]
    public void Explanation_FactorPoints_AddUpToTheGradesPoints()
    {
        Assert.Equal(Slow.Points, Slow.Factors.Sum(f => f.Points));
    }

    [Fact]
    public void Explanation_NamesTheLateInvoicesThatDroveTheScore_MostWeightFirst()
    {
        // amount × weight × days: INV-201 600,000; INV-203 and INV-204 540,000 each (in the order given); INV-202 360,000.
        Assert.Equal(["INV-201", "INV-203", "INV-204", "INV-202"], Factor(GradeFactorKind.PaymentScore).Invoices.Select(i => i.Number));
    }

    [Fact]
    public void Explanation_NamesTheInvoiceEachPenaltyCameFrom()
    {
        Assert.Equal(
            ("INV-204", "INV-203"),
            (Factor(GradeFactorKind.BrokenPromises).Invoices.Single().Number, Factor(GradeFactorKind.DiscountDemands).Invoices.Single().Number));
    }

    [Fact]
    public void Explanation_GivesTheCountPointsEachAndPoints_OfAPenalty()
    {
        var reminders = Factor(GradeFactorKind.RemindersBeyondFirst);

        Assert.Equal((2m, 1m, -2m, "2 × 1 = -2 points (on INV-204)"), (reminders.Value, reminders.PointsEach, reminders.Points, reminders.Description));
    }

    [Fact]
    public void Explanation_SaysWhenAPenaltyIsCapped()
    {
        var calls = Enumerable.Range(0, 25).Select(_ => new CollectionEvent { Kind = CollectionEventKind.Call, On = Day(2026, 10, 1) }).ToList();

        var factor = PaymentGrader.Assess(SlowBuild.All, calls, Today).Factors.Single(f => f.Kind == GradeFactorKind.Calls);

        Assert.Equal("25 × 1 = -20 points, capped at 20", factor.Description);
    }

    [Fact]
    public void Explanation_OfTheScore_GivesTheWeightedDays()
    {
        Assert.Equal(
            "Weighted days beyond terms 51 over 4 payments and open balances of the last 24 months gives a score of 43",
            Factor(GradeFactorKind.PaymentScore).Description);
    }

    [Fact]
    public void Explanation_WithoutEnoughHistory_SaysHowManyInvoicesAreSettled()
    {
        var assessment = PaymentGrader.Assess([SlowBuild.Inv201, SlowBuild.Inv204], [], Today);

        Assert.Equal("Not enough history: 1 invoice settled in the last 24 months, at least 3 are needed for a grade.", assessment.Summary);
    }
}
