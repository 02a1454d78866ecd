using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;
using static CrmPlatform.Billing.Tests.Behaviour.WorkedExamples;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class GradeChangeTextTests
{
    [Fact]
    public void AnUnchangedGrade_HasNoChangeToDescribe()
    {
        var assessment = PaymentGrader.Assess(NordicParts.All, NordicParts.Events, Today);

        Assert.Null(GradeChangeText.Describe(assessment, assessment));
    }

    [Fact]
    public void AChange_NamesTheFactorsThatMoved()
    {
        // Nordic Parts, then one more level-2 reminder and an agency hand-over: 71 → 60 points, B → C.
        var before = PaymentGrader.Assess(NordicParts.All, NordicParts.Events, Today);
        var after = PaymentGrader.Assess(NordicParts.All,
        [
            .. NordicParts.Events,
            new() { Kind = CollectionEventKind.Reminder, ReminderLevel = 2, On = Day(2026, 11, 20) },
            new() { Kind = CollectionEventKind.AgencyHandover, On = Day(2026, 11, 25) },
        ], Today);

        Assert.Equal("B → C: 71 → 60 points; reminders past the first level -1 → -2, hand-overs to a collection agency 0 → -10",
            GradeChangeText.Describe(before, after));
    }

    [Fact]
    public void AFirstGrade_IsDescribedByItsSummary()
    {
        var after = PaymentGrader.Assess(NordicParts.All, NordicParts.Events, Today);

        Assert.Equal("not enough history → B: " + after.Summary, GradeChangeText.Describe(null, after));
    }
}
