using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class GradeTrendsTests
{
    private static readonly IReadOnlyList<DatedGrade> Changes =
    [
        new(Day(2025, 6, 1), PaymentGrade.C),
        new(Day(2026, 3, 15), PaymentGrade.B),
        new(Day(2026, 10, 1), PaymentGrade.D),
    ];

    [Fact]
    public void Trend_IsWorsening_OverThreeMonths_WhenTheGradeFellFromBToD()
    {
        Assert.Equal(new GradeTrend(3, PaymentGrade.B, PaymentGrade.D, TrendDirection.Worsening), GradeTrends.Over(Changes, Today, 3));
    }

    [Fact]
    public void Trend_IsImproving_WhenTheGradeRose()
    {
        Assert.Equal(TrendDirection.Improving, GradeTrends.Over([new(Day(2026, 1, 1), PaymentGrade.D), new(Day(2026, 11, 1), PaymentGrade.A)], Today, 6).Direction);
    }

    [Fact]
    public void Trend_IsSteady_WhenTheGradeIsWhereItWas_WhateverHappenedBetween()
    {
        // C twelve months ago (since June 2025), B in between, C again now.
        IReadOnlyList<DatedGrade> changes = [new(Day(2025, 6, 1), PaymentGrade.C), new(Day(2026, 3, 15), PaymentGrade.B), new(Day(2026, 10, 1), PaymentGrade.C)];

        Assert.Equal(TrendDirection.Steady, GradeTrends.Over(changes, Today, 12).Direction);
    }

    [Fact]
    public void Trend_HasNoHistory_WhenThereWasNoGradeThatFarBack()
    {
        Assert.Equal(new GradeTrend(12, PaymentGrade.NotEnoughHistory, PaymentGrade.B, TrendDirection.NoHistory),
            GradeTrends.Over([new(Day(2026, 3, 15), PaymentGrade.B)], Today, 12));
    }

    [Fact]
    public void Trend_UsesTheGradeInForceOnTheDayMonthsAgo()
    {
        // Six months before 1 December 2026 is 1 June 2026: B (since 15 March) was in force.
        Assert.Equal(PaymentGrade.B, GradeTrends.Over(Changes, Today, 6).From);
    }

    [Fact]
    public void Trend_Standard_IsOverThreeSixAndTwelveMonths()
    {
        Assert.Equal(
            ["3 B→D Worsening", "6 B→D Worsening", "12 C→D Worsening"],
            GradeTrends.Standard(Changes, Today).Select(t => $"{t.Months} {t.From}→{t.To} {t.Direction}"));
    }
}
