using CrmPlatform.Interactions.Data;
using CrmPlatform.Interactions.Timeline;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

/// <summary>What follows from an item's kind and fields: channel, direction, two-way, topics, automated opens.</summary>
public sealed class InteractionRulesTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    [Theory]
    [InlineData(InteractionKind.Note, Channel.None)]
    [InlineData(InteractionKind.Task, Channel.None)]
    [InlineData(InteractionKind.Call, Channel.Phone)]
    [InlineData(InteractionKind.Meeting, Channel.Meeting)]
    [InlineData(InteractionKind.Email, Channel.Email)]
    [InlineData(InteractionKind.DocumentSent, Channel.Email)]
    [InlineData(InteractionKind.SocialSignal, Channel.Social)]
    [InlineData(InteractionKind.NewsletterSend, Channel.Newsletter)]
    [InlineData(InteractionKind.NewsletterOpen, Channel.Newsletter)]
    [InlineData(InteractionKind.NewsletterClick, Channel.Newsletter)]
    public void EachKind_ReachesTheClientOverItsChannel(InteractionKind kind, Channel channel)
    {
        Assert.Equal(channel, InteractionRules.ChannelOf(kind));
    }

    [Theory]
    [InlineData(InteractionKind.NewsletterSend)]
    [InlineData(InteractionKind.DocumentSent)]
    public void WhatWeSendOut_IsOutbound_WhateverDirectionIsGiven(InteractionKind kind)
    {
        Assert.Equal(Direction.Outbound, InteractionRules.DirectionOf(kind, Proto.Direction.Inbound, sentByMember: false));
    }

    [Theory]
    [InlineData(InteractionKind.NewsletterOpen)]
    [InlineData(InteractionKind.NewsletterClick)]
    [InlineData(InteractionKind.SocialSignal)]
    public void WhatTheClientDoes_IsInbound_WhateverDirectionIsGiven(InteractionKind kind)
    {
        Assert.Equal(Direction.Inbound, InteractionRules.DirectionOf(kind, Proto.Direction.Outbound, sentByMember: true));
    }

    [Theory]
    [InlineData(InteractionKind.Note)]
    [InlineData(InteractionKind.Task)]
    public void NotesAndTasks_HaveNoDirection_WhateverIsGiven(InteractionKind kind)
    {
        Assert.Equal(Direction.None, InteractionRules.DirectionOf(kind, Proto.Direction.Outbound, sentByMember: true));
    }

    [Fact]
    public void ACall_TakesTheDirectionGiven()
    {
        Assert.Equal(Direction.Inbound, InteractionRules.DirectionOf(InteractionKind.Call, Proto.Direction.Inbound, sentByMember: false));
    }

    [Fact]
    public void ACallWithoutADirection_IsOutbound()
    {
        Assert.Equal(Direction.Outbound, InteractionRules.DirectionOf(InteractionKind.Call, Proto.Direction.Unspecified, sentByMember: false));
    }

    [Fact]
    public void AMeetingWithoutADirection_IsOutbound()
    {
        Assert.Equal(Direction.Outbound, InteractionRules.DirectionOf(InteractionKind.Meeting, Proto.Direction.Unspecified, sentByMember: false));
    }

    [Fact]
    public void AnEmailWithoutADirection_SentByAMember_IsOutbound()
    {
        Assert.Equal(Direction.Outbound, InteractionRules.DirectionOf(InteractionKind.Email, Proto.Direction.Unspecified, sentByMember: true));
    }

    [Fact]
    public void AnEmailWithoutADirection_SentBySomeoneElse_IsInbound()
    {
        Assert.Equal(Direction.Inbound, InteractionRules.DirectionOf(InteractionKind.Email, Proto.Direction.Unspecified, sentByMember: false));
    }

    [Fact]
    public void AnEmailsGivenDirection_OutweighsItsSender()
    {
        Assert.Equal(Direction.Inbound, InteractionRules.DirectionOf(InteractionKind.Email, Proto.Direction.Inbound, sentByMember: true));
    }

    [Fact]
    public void AMeeting_IsTwoWay()
    {
        Assert.True(InteractionRules.IsTwoWay(InteractionKind.Meeting, Direction.Outbound, Proto.CallOutcome.Unspecified, automated: false));
    }

    [Fact]
    public void ACallThatConnected_IsTwoWay()
    {
        Assert.True(InteractionRules.IsTwoWay(InteractionKind.Call, Direction.Outbound, Proto.CallOutcome.Connected, automated: false));
    }

    [Theory]
    [InlineData(Proto.CallOutcome.Unspecified)]
    [InlineData(Proto.CallOutcome.NoAnswer)]
    [InlineData(Proto.CallOutcome.Voicemail)]
    [InlineData(Proto.CallOutcome.Busy)]
    public void AnOutboundCallThatDidNotConnect_IsNotTwoWay(Proto.CallOutcome outcome)
    {
        Assert.False(InteractionRules.IsTwoWay(InteractionKind.Call, Direction.Outbound, outcome, automated: false));
    }

    [Fact]
    public void AnInboundCall_IsTwoWay()
    {
        Assert.True(InteractionRules.IsTwoWay(InteractionKind.Call, Direction.Inbound, Proto.CallOutcome.Unspecified, automated: false));
    }

    [Theory]
    [InlineData(InteractionKind.Email)]
    [InlineData(InteractionKind.SocialSignal)]
    public void AnInboundEmailOrSocialPost_IsTwoWay(InteractionKind kind)
    {
        Assert.True(InteractionRules.IsTwoWay(kind, Direction.Inbound, Proto.CallOutcome.Unspecified, automated: false));
    }

    [Fact]
    public void AnOutboundEmail_IsNotTwoWay()
    {
        Assert.False(InteractionRules.IsTwoWay(InteractionKind.Email, Direction.Outbound, Proto.CallOutcome.Unspecified, automated: false));
    }

    [Theory]
    [InlineData(InteractionKind.NewsletterOpen)]
    [InlineData(InteractionKind.NewsletterClick)]
    public void ANewsletterOpenOrClickByAPerson_IsTwoWay(InteractionKind kind)
    {
        Assert.True(InteractionRules.IsTwoWay(kind, Direction.Inbound, Proto.CallOutcome.Unspecified, automated: false));
    }

    [Theory]
    [InlineData(InteractionKind.NewsletterOpen)]
    [InlineData(InteractionKind.NewsletterClick)]
    public void AnAutomatedNewsletterOpenOrClick_IsNotTwoWay(InteractionKind kind)
    {
        Assert.False(InteractionRules.IsTwoWay(kind, Direction.Inbound, Proto.CallOutcome.Unspecified, automated: true));
    }

    [Theory]
    [InlineData(InteractionKind.NewsletterSend)]
    [InlineData(InteractionKind.DocumentSent)]
    [InlineData(InteractionKind.Note)]
    [InlineData(InteractionKind.Task)]
    public void WhatTheClientTookNoPartIn_IsNotTwoWay(InteractionKind kind)
    {
        Assert.False(InteractionRules.IsTwoWay(kind, InteractionRules.DirectionOf(kind, Proto.Direction.Unspecified, true), Proto.CallOutcome.Unspecified, automated: false));
    }

    [Fact]
    public void GivenTopics_AreTrimmedAndLowerCased()
    {
        Assert.Equal(["pricing", "renewal"], InteractionRules.TopicsOf(["  Pricing ", "#Renewal"], null, null, null));
    }

    [Fact]
    public void HashtagsOfTheSubjectAndBody_AreTopics()
    {
        var topics = InteractionRules.TopicsOf([], "Call about #Pricing", "Next: #renewal-2027 and #Q3.", null);

        Assert.Equal(["pricing", "renewal-2027", "q3"], topics);
    }

    [Fact]
    public void AHashInsideAWord_IsNotAHashtag()
    {
        Assert.Empty(InteractionRules.TopicsOf([], "a#b", "They use C# and F#, issue no#5", null));
    }

    [Fact]
    public void WhatASocialSignalIsAbout_IsATopic()
    {
        Assert.Equal(["cloud migration"], InteractionRules.TopicsOf([], null, null, " Cloud Migration "));
    }

    [Fact]
    public void Topics_ComeGivenFirst_ThenHashtags_ThenWhatASignalIsAbout()
    {
        var topics = InteractionRules.TopicsOf(["budget"], "#pricing", "#onboarding", "security");

        Assert.Equal(["budget", "pricing", "onboarding", "security"], topics);
    }

    [Fact]
    public void ATopicNamedTwice_IsKeptOnce()
    {
        Assert.Equal(["pricing"], InteractionRules.TopicsOf(["Pricing"], "#pricing", "#PRICING", "pricing"));
    }

    [Fact]
    public void Topics_AreCappedAtTheMaximum()
    {
        var given = Enumerable.Range(1, Interaction.MaxTopics + 5).Select(n => $"topic-{n}").ToList();

        Assert.Equal(given.Take(Interaction.MaxTopics), InteractionRules.TopicsOf(given, "#more", null, "even-more"));
    }

    [Fact]
    public void BlankTopics_AreDropped()
    {
        Assert.Empty(InteractionRules.TopicsOf(["", "  ", "#", " # "], "# alone", null, " "));
    }

    [Fact]
    public void NormalTopic_DropsLeadingHashesAndSpace()
    {
        Assert.Equal("pricing", InteractionRules.NormalTopic("  ## Pricing "));
    }

    [Fact]
    public void NormalTopic_IsCutAtTheMaximumLength()
    {
        Assert.Equal(new string('a', Interaction.MaxTopicLength), InteractionRules.NormalTopic(new string('A', Interaction.MaxTopicLength + 10)));
    }

    [Fact]
    public void NormalTopic_CutAtASpace_IsStillTrimmed()
    {
        var topic = new string('a', Interaction.MaxTopicLength - 1) + " and more";

        Assert.Equal(new string('a', Interaction.MaxTopicLength - 1), InteractionRules.NormalTopic(topic));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)")]
    [InlineData("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html")]
    [InlineData("Mimecast Link Scanner")]
    [InlineData("Barracuda Sentinel (EE)")]
    [InlineData("Microsoft Office Protocol Discovery")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36")]
    public void AnOpenByAProxyOrScanner_IsAutomated(string userAgent)
    {
        Assert.True(InteractionRules.IsAutomated(InteractionKind.NewsletterOpen, userAgent, SentAt.AddHours(1), SentAt));
    }

    [Fact]
    public void AClickByALinkScanner_IsAutomated()
    {
        Assert.True(InteractionRules.IsAutomated(InteractionKind.NewsletterClick, "Proofpoint URL Defense", SentAt.AddHours(1), SentAt));
    }

    [Theory]
    [InlineData("Mozilla/5.0")]
    [InlineData(" MOZILLA/5.0 ")]
    public void ABareMozillaAgent_IsApplesPrivacyProxy(string userAgent)
    {
        Assert.True(InteractionRules.IsAutomated(InteractionKind.NewsletterOpen, userAgent, SentAt.AddHours(1), SentAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AnOpenWithoutAUserAgent_IsAutomated(string? userAgent)
    {
        Assert.True(InteractionRules.IsAutomated(InteractionKind.NewsletterOpen, userAgent, SentAt.AddHours(1), SentAt));
    }

    [Fact]
    public void AClickWithoutAUserAgent_IsAPerson()
    {
        Assert.False(InteractionRules.IsAutomated(InteractionKind.NewsletterClick, null, SentAt.AddHours(1), SentAt));
    }

    [Fact]
    public void AnOpenWithinTwoSecondsOfTheSend_IsAutomated()
    {
        Assert.True(InteractionRules.IsAutomated(InteractionKind.NewsletterOpen, Browser, SentAt.AddSeconds(1.5), SentAt));
    }

    [Fact]
    public void AnOpenTwoSecondsAfterTheSend_IsAPerson()
    {
        Assert.False(InteractionRules.IsAutomated(InteractionKind.NewsletterOpen, Browser, SentAt + InteractionRules.HumanlyImpossible, SentAt));
    }

    [Fact]
    public void AnOpenInABrowser_IsAPerson()
    {
        Assert.False(InteractionRules.IsAutomated(InteractionKind.NewsletterOpen, Browser, SentAt.AddHours(1), SentAt));
    }

    [Fact]
    public void AnOpenInABrowser_WithoutAKnownSend_IsAPerson()
    {
        Assert.False(InteractionRules.IsAutomated(InteractionKind.NewsletterOpen, Browser, SentAt, sentAt: null));
    }

    [Theory]
    [InlineData(InteractionKind.NewsletterSend)]
    [InlineData(InteractionKind.Email)]
    public void WhatIsNotAnOpenOrClick_IsNeverAutomated(InteractionKind kind)
    {
        Assert.False(InteractionRules.IsAutomated(kind, "GoogleImageProxy", SentAt, SentAt));
    }
}
