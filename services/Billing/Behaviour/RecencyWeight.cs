namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// How much an experience counts by its age, so a client who mended their ways is seen to have:
/// received within the last 6 months ×3, 6–12 months ago ×2, 12–24 months ago ×1, older ×0 (left out).
/// "Within the last 6 months" means after the same day 6 calendar months before today.
/// </summary>
public static class RecencyWeight
{
    public const int WindowMonths = 24;

    public static int For(DateOnly on, DateOnly today) =>
        on > today.AddMonths(-6) ? 3
        : on > today.AddMonths(-12) ? 2
        : on > today.AddMonths(-WindowMonths) ? 1
        : 0;

    /// <summary>The window's first day is the day after this one.</summary>
    public static DateOnly WindowStartExclusive(DateOnly today) => today.AddMonths(-WindowMonths);
}
