using CrmPlatform.Billing.Behaviour;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class ReminderPolicyValidatorTests
{
    private static IEnumerable<string> Fields(ReminderPolicy policy) => ReminderPolicyValidator.Validate(policy).Select(v => v.Field);

    private static ReminderPolicy Levels(params ReminderLevel[] levels) => new(levels);

    [Fact]
    public void TheDefaultPolicy_IsValid()
    {
        Assert.Empty(ReminderPolicyValidator.Validate(ReminderPolicyDefaults.Policy));
    }

    [Fact]
    public void NoLevels_AreAViolationOfTheLevels()
    {
        Assert.Equal(["levels"], Fields(Levels()));
    }

    [Fact]
    public void MoreThanTenLevels_AreAViolationOfTheLevels()
    {
        Assert.Equal(["levels"], Fields(new ReminderPolicy([.. Enumerable.Range(1, 11).Select(i => new ReminderLevel(i, i * 7, $"Reminder {i}"))])));
    }

    [Fact]
    public void LevelsNotNumberedInOrder_AreAViolationOfTheNumber()
    {
        Assert.Equal(["levels[1].level"], Fields(Levels(new(1, 7, "First"), new(3, 21, "Second"))));
    }

    [Fact]
    public void ALevelNotLaterThanThePreviousOne_IsAViolationOfItsDays()
    {
        Assert.Equal([new PolicyViolation("levels[1].days_after_due", "must be after the previous level's (14)")],
            ReminderPolicyValidator.Validate(Levels(new(1, 14, "First"), new(2, 14, "Second"))));
    }

    [Theory]
    [InlineData(-366)]
    [InlineData(366)]
    public void DaysMoreThanAYearFromTheDueDate_AreAViolation(int days)
    {
        Assert.Equal(["levels[0].days_after_due"], Fields(Levels(new ReminderLevel(1, days, "First"))));
    }

    [Fact]
    public void ANegativeDay_IsValid_ItRemindsBeforeTheDueDate()
    {
        Assert.Empty(Fields(Levels(new(1, -5, "Due soon"), new(2, 0, "Due today"))));
    }

    [Fact]
    public void ABlankLabel_IsAViolationOfTheLabel()
    {
        Assert.Equal(["levels[0].label"], Fields(Levels(new ReminderLevel(1, 7, " "))));
    }

    [Fact]
    public void ALevelSentAsACall_IsAViolationOfItsKind()
    {
        Assert.Equal(["levels[0].kind"], Fields(Levels(new ReminderLevel(1, 7, "Ring them", CollectionEventKind.Call))));
    }

    [Fact]
    public void QuietDaysOutside0To60_AreAViolation()
    {
        Assert.Equal(["quiet_days_after_payment"], Fields(ReminderPolicyDefaults.Policy with { QuietDaysAfterPayment = 61 }));
    }

    [Fact]
    public void EveryViolation_IsReportedAtOnce()
    {
        var policy = new ReminderPolicy([new(2, 400, ""), new(2, 10, "Second", CollectionEventKind.AgencyHandover)], -1);

        Assert.Equal(
            ["levels[0].level", "levels[0].days_after_due", "levels[0].label", "levels[1].days_after_due", "levels[1].kind", "quiet_days_after_payment"],
            Fields(policy));
    }
}
