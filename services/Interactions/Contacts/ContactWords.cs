using System.Globalization;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>How reasons speak: "called", "3 emails", "2 hours ago", "Thursday 14:00 UTC".</summary>
internal static class ContactWords
{
    public static string Verb(Proto.Channel channel) => channel switch
    {
        Proto.Channel.Phone => "called",
        Proto.Channel.Meeting => "met",
        Proto.Channel.Email => "emailed",
        Proto.Channel.Social => "messaged",
        Proto.Channel.Newsletter => "sent a newsletter to",
        _ => "reached",
    };

    public static string Noun(Proto.Channel channel) => channel switch
    {
        Proto.Channel.Phone => "call",
        Proto.Channel.Meeting => "meeting",
        Proto.Channel.Email => "email",
        Proto.Channel.Social => "social message",
        Proto.Channel.Newsletter => "newsletter",
        _ => "contact",
    };

    public static string Plural(Proto.Channel channel) => Noun(channel) + "s";

    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return $"{n}{suffix}";
    }

    public static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalMinutes: < 2 } => "1 minute ago",
        { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} minutes ago",
        { TotalHours: < 2 } => "1 hour ago",
        { TotalDays: < 1 } => $"{(int)elapsed.TotalHours} hours ago",
        { TotalDays: < 2 } => "yesterday",
        _ => $"{(int)elapsed.TotalDays} days ago",
    };

    /// <summary>"7 days", "1 day", "36 hours", "90 minutes": the largest unit the period is a whole number of.</summary>
    public static string Period(TimeSpan period) => period switch
    {
        { TotalDays: >= 1 } when period.TotalDays == Math.Floor(period.TotalDays) => Count((int)period.TotalDays, "day"),
        { TotalHours: >= 1 } when period.TotalHours == Math.Floor(period.TotalHours) => Count((int)period.TotalHours, "hour"),
        _ => Count((int)period.TotalMinutes, "minute"),
    };

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    /// <summary>"Thursday 14:00 UTC" within a week, a date after that.</summary>
    public static string When(DateTimeOffset time, DateTimeOffset now)
    {
        var utc = time.UtcDateTime;
        return time - now < TimeSpan.FromDays(6)
            ? utc.ToString("dddd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
