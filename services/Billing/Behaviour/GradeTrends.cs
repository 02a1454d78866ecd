namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The trend of a company's grade: the grade in force on the same day N months ago (the last change
/// on or before it) against the grade in force today. A better letter is improving, the same is
/// steady; when either end has no grade (none yet, or not enough history) it is NoHistory.
/// </summary>
public static class GradeTrends
{
    public static IReadOnlyList<int> StandardMonths { get; } = [3, 6, 12];

    public static IReadOnlyList<GradeTrend> Standard(IReadOnlyList<DatedGrade> changes, DateOnly today) =>
        StandardMonths.Select(months => Over(changes, today, months)).ToList();

    public static GradeTrend Over(IReadOnlyList<DatedGrade> changes, DateOnly today, int months)
    {
        var from = GradeOn(changes, today.AddMonths(-months));
        var to = GradeOn(changes, today);
        var direction =
            from is PaymentGrade.NotEnoughHistory || to is PaymentGrade.NotEnoughHistory ? TrendDirection.NoHistory
            : to < from ? TrendDirection.Improving // A is the smallest value
            : to > from ? TrendDirection.Worsening
            : TrendDirection.Steady;
        return new GradeTrend(months, from, to, direction);
    }

    /// <summary>The grade in force on a day: the latest change on or before it; NotEnoughHistory before the first.</summary>
    public static PaymentGrade GradeOn(IReadOnlyList<DatedGrade> changes, DateOnly day) =>
        changes.Where(c => c.On <= day).OrderBy(c => c.On).LastOrDefault()?.Grade ?? PaymentGrade.NotEnoughHistory;
}
