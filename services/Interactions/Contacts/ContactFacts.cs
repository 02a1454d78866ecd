using CrmPlatform.Interactions.Data;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>One contact with a company or person, newest first in <see cref="ContactFacts.Recent"/>.</summary>
internal sealed record ContactEvent(DateTimeOffset At, Channel Channel, Direction Direction, bool TwoWay, Guid InteractionId, Guid? AuthorId);

/// <summary>The first and last contact on one channel in one direction, ever.</summary>
internal sealed record ChannelSpan(Channel Channel, Direction Direction, DateTimeOffset First, DateTimeOffset Last);

/// <summary>Contacts on one UTC day, channel and direction.</summary>
internal sealed record DayCount(Channel Channel, Direction Direction, DateOnly Day, int Count);

/// <summary>A newsletter sent, and whether a person (not a proxy or scanner) opened or clicked it.</summary>
internal sealed record NewsletterFact(string CampaignId, DateTimeOffset SentAt, bool Opened, bool Clicked);

/// <summary>
/// What the statistics of one company or person are computed from, gathered in the transaction of
/// every item that touches them and stored whole: everything a read needs, so that windows such
/// as "the last 7 days" are counted against the time of the read, not of the last write.
/// </summary>
internal sealed record ContactFacts(
    IReadOnlyList<ChannelSpan> Spans,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<ContactEvent> Recent,
    DateTimeOffset? LastTwoWay,
    IReadOnlyList<NewsletterFact> Newsletters)
{
    /// <summary>How far back day counts are kept: the longest window reported.</summary>
    public const int DaysKept = 90;

    /// <summary>How many latest contacts are kept: enough for 20 gaps, 20 replies and any channel limit up to 100.</summary>
    public const int RecentKept = 100;

    public const int NewslettersKept = 10;

    public static readonly ContactFacts None = new([], [], [], null, []);

    public DateTimeOffset? FirstContact => Spans.Count == 0 ? null : Spans.Min(s => s.First);

    public DateTimeOffset? LastContact => Spans.Count == 0 ? null : Spans.Max(s => s.Last);

    /// <summary>
    /// The last time someone of ours reached them personally or they took part: any outbound or
    /// two-way contact but a newsletter, which reaches everyone and so no one in particular.
    /// </summary>
    public DateTimeOffset? LastPersonalContact =>
        Recent.Where(e => e.Channel != Channel.Newsletter && (e.Direction == Direction.Outbound || e.TwoWay))
            .Select(e => (DateTimeOffset?)e.At).FirstOrDefault();
}
