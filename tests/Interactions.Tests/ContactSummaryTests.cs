using CrmPlatform.Interactions.Contacts;
using CrmPlatform.Interactions.Data;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

/// <summary>Statistics from stored facts, counted against the time of the read.</summary>
public sealed class ContactSummaryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AContactToday_CountsInEveryWindow()
    {
        Assert.Equal((1, 1, 1), Counts(CallsDaysAgo(0), Now));
    }

    [Fact]
    public void AContactSixDaysAgo_CountsInTheLastSevenDays()
    {
        Assert.Equal((1, 1, 1), Counts(CallsDaysAgo(6), Now));
    }

    [Fact]
    public void AContactEightDaysAgo_CountsIn30DaysButNotIn7()
    {
        Assert.Equal((0, 1, 1), Counts(CallsDaysAgo(8), Now));
    }

    [Fact]
    public void AContactFortyDaysAgo_CountsIn90DaysAlone()
    {
        Assert.Equal((0, 0, 1), Counts(CallsDaysAgo(40), Now));
    }

    [Fact]
    public void Counts_AddUpTheDaysInTheWindow()
    {
        Assert.Equal((2, 3, 4), Counts(CallsDaysAgo(1, 3, 20, 60), Now));
    }

    [Fact]
    public void Counts_ShrinkAsTheReadTimeMovesOn()
    {
        var facts = CallsDaysAgo(5);

        Assert.Equal(((1, 1, 1), (0, 1, 1)), (Counts(facts, Now), Counts(facts, Now.AddDays(3))));
    }

    [Fact]
    public void EachChannelAndDirection_IsCountedApart()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var facts = ContactFacts.None with
        {
            Spans = [Span(Channel.Phone, Direction.Outbound, Now), Span(Channel.Email, Direction.Outbound, Now), Span(Channel.Email, Direction.Inbound, Now)],
            Days = [new(Channel.Phone, Direction.Outbound, today, 1), new(Channel.Email, Direction.Outbound, today, 2), new(Channel.Email, Direction.Inbound, today, 3)],
        };

        var channels = ContactSummary.Stats(facts, Now).Channels.Select(c => (c.Channel, c.Direction, c.Count7D)).ToList();

        Assert.Equal([(Proto.Channel.Phone, Proto.Direction.Outbound, 1), (Proto.Channel.Email, Proto.Direction.Inbound, 3), (Proto.Channel.Email, Proto.Direction.Outbound, 2)], channels);
    }

    [Fact]
    public void TheMedianGap_OfAnOddNumberOfGaps_IsTheMiddleOne()
    {
        Assert.Equal(TimeSpan.FromHours(2), ContactSummary.MedianGap(NewestFirst(Hours(0, 1, 3, 13))));
    }

    [Fact]
    public void TheMedianGap_OfAnEvenNumberOfGaps_IsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(TimeSpan.FromHours(2), ContactSummary.MedianGap(NewestFirst(Hours(0, 1, 4))));
    }

    [Fact]
    public void TheMedianGap_IsOverTheLatestTwentyGaps()
    {
        // Thirty gaps of ten hours, then the latest twenty of an hour: over all fifty the median would be ten hours.
        var times = Enumerable.Range(0, 31).Select(n => 10.0 * n).Concat(Enumerable.Range(1, 20).Select(n => 300.0 + n));

        Assert.Equal(TimeSpan.FromHours(1), ContactSummary.MedianGap(NewestFirst(Hours([.. times]))));
    }

    [Fact]
    public void TheMedianGap_OfASingleContact_IsNone()
    {
        Assert.Null(ContactSummary.Stats(ContactFacts.None with { Recent = NewestFirst(Hours(0)) }, Now).MedianGap);
    }

    [Fact]
    public void AReply_AnswersTheEarliestOutboundContactSinceTheLastReply()
    {
        var recent = NewestFirst(Out(Channel.Email, 0), Out(Channel.Phone, 1), In(Channel.Email, 3));

        Assert.Equal(TimeSpan.FromHours(3), ContactSummary.MedianReplyTime(recent));
    }

    [Fact]
    public void AnInboundContactNoOneWaitedFor_IsNotAReply()
    {
        var recent = NewestFirst(In(Channel.Email, 0), Out(Channel.Email, 1), In(Channel.Email, 5), In(Channel.Email, 6));

        Assert.Equal(TimeSpan.FromHours(4), ContactSummary.MedianReplyTime(recent));
    }

    [Fact]
    public void TheMedianReplyTime_IsTheMedianOfTheReplies()
    {
        var recent = NewestFirst(Out(Channel.Email, 0), In(Channel.Email, 1), Out(Channel.Email, 10), In(Channel.Email, 12), Out(Channel.Email, 20), In(Channel.Email, 29));

        Assert.Equal(TimeSpan.FromHours(2), ContactSummary.MedianReplyTime(recent));
    }

    [Fact]
    public void ANewsletterSend_IsNotWaitedFor()
    {
        var recent = NewestFirst(Out(Channel.Newsletter, 0), Out(Channel.Email, 2), In(Channel.Email, 3));

        Assert.Equal(TimeSpan.FromHours(1), ContactSummary.MedianReplyTime(recent));
    }

    [Fact]
    public void ANewsletterOpen_IsNotAReply()
    {
        var recent = NewestFirst(Out(Channel.Email, 0), In(Channel.Newsletter, 1), In(Channel.Email, 5));

        Assert.Equal(TimeSpan.FromHours(5), ContactSummary.MedianReplyTime(recent));
    }

    [Fact]
    public void WithoutAReply_ThereIsNoMedianReplyTime()
    {
        Assert.Null(ContactSummary.Stats(ContactFacts.None with { Recent = NewestFirst(Out(Channel.Email, 0), Out(Channel.Phone, 1)) }, Now).MedianReplyTime);
    }

    [Fact]
    public void TheMedianReplyTime_IsReportedAsADuration()
    {
        var recent = NewestFirst(Out(Channel.Email, 0), In(Channel.Email, 3));

        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromHours(3)), ContactSummary.Stats(ContactFacts.None with { Recent = recent }, Now).MedianReplyTime);
    }

    [Fact]
    public void TheNewsletterOpenRate_IsOpenedOverSent()
    {
        var facts = ContactFacts.None with
        {
            Newsletters = [Newsletter("nov", opened: true), Newsletter("oct", opened: false), Newsletter("sep", opened: false), Newsletter("aug", opened: false)],
        };

        Assert.Equal(0.25, ContactSummary.Stats(facts, Now).NewsletterOpenRate);
    }

    [Fact]
    public void TheNewsletterOpenRate_WithoutNewsletters_IsZero()
    {
        Assert.Equal(0, ContactSummary.Stats(ContactFacts.None, Now).NewsletterOpenRate);
    }

    [Fact]
    public void TheLastNewsletters_AreReportedInTheirOrder()
    {
        var facts = ContactFacts.None with { Newsletters = [Newsletter("nov", opened: true), Newsletter("oct", opened: false)] };

        Assert.Equal([("nov", true), ("oct", false)], ContactSummary.Stats(facts, Now).LastNewsletters.Select(n => (n.CampaignId, n.Opened)));
    }

    private static (int, int, int) Counts(ContactFacts facts, DateTimeOffset now)
    {
        var channel = Assert.Single(ContactSummary.Stats(facts, now).Channels);
        return (channel.Count7D, channel.Count30D, channel.Count90D);
    }

    /// <summary>One outbound call on each of the days given, counted back from <see cref="Now"/>.</summary>
    private static ContactFacts CallsDaysAgo(params int[] daysAgo)
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var times = daysAgo.Select(d => Now.AddDays(-d)).ToList();
        return ContactFacts.None with
        {
            Spans = [new ChannelSpan(Channel.Phone, Direction.Outbound, times.Min(), times.Max())],
            Days = [.. daysAgo.Select(d => new DayCount(Channel.Phone, Direction.Outbound, today.AddDays(-d), 1))],
        };
    }

    private static ChannelSpan Span(Channel channel, Direction direction, DateTimeOffset at) => new(channel, direction, at, at);

    private static NewsletterFact Newsletter(string campaign, bool opened) => new(campaign, Now, opened, Clicked: false);

    private static (double Hours, Channel Channel, Direction Direction)[] Hours(params double[] hours) =>
        [.. hours.Select(h => (h, Channel.Email, Direction.Outbound))];

    private static (double, Channel, Direction) Out(Channel channel, double hours) => (hours, channel, Direction.Outbound);

    private static (double, Channel, Direction) In(Channel channel, double hours) => (hours, channel, Direction.Inbound);

    /// <summary>Contacts given oldest first, in hours after a start, as the facts keep them: newest first.</summary>
    private static List<ContactEvent> NewestFirst(params (double Hours, Channel Channel, Direction Direction)[] contacts)
    {
        var start = Now.AddDays(-30);
        return contacts
            .Select(c => new ContactEvent(start.AddHours(c.Hours), c.Channel, c.Direction, c.Direction == Direction.Inbound, Guid.NewGuid(), null))
            .OrderByDescending(e => e.At)
            .ToList();
    }
}
