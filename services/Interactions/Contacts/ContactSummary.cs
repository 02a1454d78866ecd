using CrmPlatform.Interactions.Data;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>The statistics a read reports, from the stored facts and the time of the read.</summary>
internal static class ContactSummary
{
    public const int GapsMeasured = 20;

    public static Proto.ContactStats Stats(ContactFacts facts, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var stats = new Proto.ContactStats
        {
            FirstContactTime = Stamp(facts.FirstContact),
            LastContactTime = Stamp(facts.LastContact),
            LastTwoWayTime = Stamp(facts.LastTwoWay),
            MedianGap = Span(MedianGap(facts.Recent)),
            MedianReplyTime = Span(MedianReplyTime(facts.Recent)),
            LastNewsletters =
            {
                facts.Newsletters.Select(n => new Proto.NewsletterSend
                {
                    CampaignId = n.CampaignId,
                    SendTime = Timestamp.FromDateTimeOffset(n.SentAt),
                    Opened = n.Opened,
                    Clicked = n.Clicked,
                }),
            },
            NewsletterOpenRate = facts.Newsletters.Count == 0 ? 0 : (double)facts.Newsletters.Count(n => n.Opened) / facts.Newsletters.Count,
        };

        foreach (var span in facts.Spans.OrderBy(s => s.Channel).ThenBy(s => s.Direction))
        {
            stats.Channels.Add(new Proto.ChannelStats
            {
                Channel = (Proto.Channel)span.Channel,
                Direction = (Proto.Direction)span.Direction,
                FirstTime = Timestamp.FromDateTimeOffset(span.First),
                LastTime = Timestamp.FromDateTimeOffset(span.Last),
                Count7D = CountSince(facts, span, today, 7),
                Count30D = CountSince(facts, span, today, 30),
                Count90D = CountSince(facts, span, today, ContactFacts.DaysKept),
            });
        }

        return stats;
    }

    /// <summary>Contacts in the last <paramref name="days"/> days, today included.</summary>
    public static int CountSince(ContactFacts facts, ChannelSpan span, DateOnly today, int days) =>
        facts.Days.Where(d => d.Channel == span.Channel && d.Direction == span.Direction && d.Day > today.AddDays(-days) && d.Day <= today).Sum(d => d.Count);

    /// <summary>The median gap between consecutive contacts, over the latest <see cref="GapsMeasured"/> gaps.</summary>
    public static TimeSpan? MedianGap(IReadOnlyList<ContactEvent> recent)
    {
        var times = recent.Take(GapsMeasured + 1).Select(e => e.At).ToList();
        return Median(times.Zip(times.Skip(1), (later, earlier) => later - earlier).ToList());
    }

    /// <summary>
    /// The median time from our outbound contact to their next inbound one, over the latest
    /// <see cref="GapsMeasured"/> replies; each reply answers the earliest outbound contact since
    /// their previous one. Newsletters are not a conversation and are left out.
    /// </summary>
    public static TimeSpan? MedianReplyTime(IReadOnlyList<ContactEvent> recent)
    {
        var replies = new List<TimeSpan>();
        DateTimeOffset? waitingSince = null;
        foreach (var contact in recent.Where(e => e.Channel != Channel.Newsletter).Reverse())
        {
            if (contact.Direction == Direction.Outbound)
            {
                waitingSince ??= contact.At;
            }
            else if (contact.Direction == Direction.Inbound && waitingSince is { } since)
            {
                replies.Add(contact.At - since);
                waitingSince = null;
            }
        }

        return Median(replies.TakeLast(GapsMeasured).ToList());
    }

    private static TimeSpan? Median(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static Timestamp? Stamp(DateTimeOffset? time) => time is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    private static Duration? Span(TimeSpan? span) => span is { } value ? Duration.FromTimeSpan(value) : null;
}
