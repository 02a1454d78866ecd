namespace CrmPlatform.Profiles;

internal static class Clock
{
    /// <summary>The date in UTC: birthdays, role dates and leaving dates are checked against it.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
