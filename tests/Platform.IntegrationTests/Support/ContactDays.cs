namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// A recount as the contact statistics define their windows: the last N calendar days in UTC,
/// today included. A window of exactly N×24 hours disagrees with them for a contact near the
/// window's first day, depending on the time of day the test runs.
/// </summary>
public static class ContactDays
{
    public static int Count(IEnumerable<DateTimeOffset> times, int days)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return times.Count(t => DateOnly.FromDateTime(t.UtcDateTime) > today.AddDays(-days));
    }
}
