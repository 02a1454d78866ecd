using CrmPlatform.Interactions.Contacts;
using CrmPlatform.Interactions.Data;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

/// <summary>Over-contacted, neglected or on target, with the default policy and a cadence of 30 days.</summary>
public sealed class ContactVerdictsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private const int Cadence = 30;

    [Fact]
    public void NeverContacted_PastTheCadenceSinceItBecameKnown_IsNeglected()
    {
        var judgement = Judge(ContactFacts.None, isPerson: false, knownSince: Now.AddDays(-45));

        Assert.Equal(
            (Proto.Verdict.Neglected, "Never contacted in the 45 days since it became known; the cadence is one contact every 30 days"),
            (judgement.Verdict, Assert.Single(judgement.Reasons)));
    }

    [Fact]
    public void NeverContacted_WithinTheCadenceSinceItBecameKnown_IsOnTarget()
    {
        Assert.Equal(Proto.Verdict.OnTarget, Judge(ContactFacts.None, isPerson: false, knownSince: Now.AddDays(-10)).Verdict);
    }

    [Fact]
    public void ContactedWithinTheCadence_IsOnTarget_AndSaysWhenTheNextContactIsDue()
    {
        var judgement = Judge(Facts(Out(Channel.Phone, daysAgo: 10)), isPerson: false, knownSince: Now.AddDays(-200));

        Assert.Equal((Proto.Verdict.OnTarget, "Next contact due by 2026-12-13 (one every 30 days)"), (judgement.Verdict, Assert.Single(judgement.Reasons)));
    }

    [Fact]
    public void TheNextContact_IsDueOneCadenceAfterTheLastPersonalContact()
    {
        var judgement = Judge(Facts(Out(Channel.Phone, daysAgo: 10)), isPerson: false, knownSince: Now.AddDays(-200));

        Assert.Equal((Now.AddDays(-10), Now.AddDays(20)), (judgement.DueFrom, judgement.DueAt));
    }

    [Fact]
    public void NoPersonalContactForLongerThanTheCadence_IsNeglected()
    {
        var judgement = Judge(Facts(Out(Channel.Email, daysAgo: 40)), isPerson: false, knownSince: Now.AddDays(-200));

        Assert.Equal(
            (Proto.Verdict.Neglected, "No personal contact for 40 days; the cadence is one contact every 30 days"),
            (judgement.Verdict, Assert.Single(judgement.Reasons)));
    }

    [Fact]
    public void AContactTheClientTookPartIn_KeepsItFromBeingNeglected()
    {
        var judgement = Judge(Facts(In(Channel.Email, daysAgo: 5)), isPerson: false, knownSince: Now.AddDays(-200));

        Assert.Equal(Proto.Verdict.OnTarget, judgement.Verdict);
    }

    [Fact]
    public void NewsletterSends_DoNotKeepAClientFromBeingNeglected()
    {
        var judgement = Judge(Facts(Out(Channel.Newsletter, daysAgo: 2), Out(Channel.Newsletter, daysAgo: 9)), isPerson: false, knownSince: Now.AddDays(-60));

        Assert.Equal(Proto.Verdict.Neglected, judgement.Verdict);
    }

    [Fact]
    public void APersonOverAChannelsLimit_IsOverContacted()
    {
        var judgement = Judge(Facts(Out(Channel.Phone, 5), Out(Channel.Phone, 3), Out(Channel.Phone, 1)), isPerson: true, knownSince: Now.AddDays(-200));

        Assert.Equal((Proto.Verdict.OverContacted, "3 calls in 7 days; the policy allows 2"), (judgement.Verdict, Assert.Single(judgement.Reasons)));
    }

    [Fact]
    public void APersonOverAChannelsLimit_StaysOverContactedUntilTheContactThatBrokeItLeavesTheWindow()
    {
        // With three calls in the week, the limit of two holds again once the first of them is a week old.
        var judgement = Judge(Facts(Out(Channel.Phone, 5), Out(Channel.Phone, 3), Out(Channel.Phone, 1)), isPerson: true, knownSince: Now.AddDays(-200));

        Assert.Equal(Now.AddDays(2), judgement.OverContactedUntil);
    }

    [Fact]
    public void APersonFarOverAChannelsLimit_StaysOverContactedUntilOnlyTheLimitRemainsInTheWindow()
    {
        var judgement = Judge(Facts(Out(Channel.Phone, 6.5), Out(Channel.Phone, 5), Out(Channel.Phone, 3)), isPerson: true, knownSince: Now.AddDays(-200), policy: Limit(Proto.Channel.Phone, 1));

        Assert.Equal(Now.AddDays(2), judgement.OverContactedUntil);
    }

    [Fact]
    public void WhenTheBreakingContactLeavesTheWindow_ThePersonIsNoLongerOverContacted()
    {
        var facts = Facts(Out(Channel.Phone, 5), Out(Channel.Phone, 3), Out(Channel.Phone, 1));

        var verdicts = (
            Judge(facts, isPerson: true, knownSince: Now.AddDays(-200), now: Now.AddDays(2).AddTicks(-1)).Verdict,
            Judge(facts, isPerson: true, knownSince: Now.AddDays(-200), now: Now.AddDays(2)).Verdict);

        Assert.Equal((Proto.Verdict.OverContacted, Proto.Verdict.OnTarget), verdicts);
    }

    [Fact]
    public void ACompany_IsNotHeldToAPersonsChannelLimits()
    {
        var judgement = Judge(Facts(Out(Channel.Phone, 5), Out(Channel.Phone, 3), Out(Channel.Phone, 1)), isPerson: false, knownSince: Now.AddDays(-200));

        Assert.Equal(Proto.Verdict.OnTarget, judgement.Verdict);
    }

    [Fact]
    public void MoreThanThreePersonalOutboundContactsWithinOneCadence_IsOverContacted()
    {
        var judgement = Judge(Facts(Out(Channel.Email, 20), Out(Channel.Phone, 15), Out(Channel.Email, 10), Out(Channel.Meeting, 5)), isPerson: false, knownSince: Now.AddDays(-200));

        Assert.Equal(
            (Proto.Verdict.OverContacted, "4 outbound contacts in the last 30 days against a cadence of one every 30 days", Now.AddDays(10)),
            (judgement.Verdict, Assert.Single(judgement.Reasons), judgement.OverContactedUntil));
    }

    [Fact]
    public void ThreePersonalOutboundContactsWithinOneCadence_AreNotTooMany()
    {
        var judgement = Judge(Facts(Out(Channel.Email, 20), Out(Channel.Phone, 15), Out(Channel.Email, 10)), isPerson: false, knownSince: Now.AddDays(-200));

        Assert.Equal((Proto.Verdict.OnTarget, (DateTimeOffset?)null), (judgement.Verdict, judgement.OverContactedUntil));
    }

    [Fact]
    public void NewsletterSends_DoNotCountTowardsOverContacting()
    {
        var facts = Facts(Out(Channel.Newsletter, 25), Out(Channel.Newsletter, 18), Out(Channel.Newsletter, 11), Out(Channel.Newsletter, 4), Out(Channel.Email, 1));

        Assert.Equal(Proto.Verdict.OnTarget, Judge(facts, isPerson: false, knownSince: Now.AddDays(-200)).Verdict);
    }

    [Fact]
    public void InboundContacts_DoNotCountTowardsOverContacting()
    {
        var facts = Facts(In(Channel.Email, 5), In(Channel.Email, 4), In(Channel.Phone, 3), In(Channel.Email, 2), In(Channel.Email, 1));

        Assert.Equal(Proto.Verdict.OnTarget, Judge(facts, isPerson: true, knownSince: Now.AddDays(-200)).Verdict);
    }

    [Fact]
    public void OnTheFirstDay_APersonCalledThreeTimes_IsOverContacted()
    {
        var facts = Facts(Out(Channel.Phone, 0.2), Out(Channel.Phone, 0.1), Out(Channel.Phone, 0.05));

        Assert.Equal(Proto.Verdict.OverContacted, Judge(facts, isPerson: true, knownSince: Now.AddDays(-0.2)).Verdict);
    }

    [Fact]
    public void OnTheFirstDay_ACompanyNotYetContacted_IsOnTarget()
    {
        Assert.Equal(Proto.Verdict.OnTarget, Judge(ContactFacts.None, isPerson: false, knownSince: Now).Verdict);
    }

    [Fact]
    public void AnOverContactedSubject_IsNotCalledNeglected()
    {
        // Called too often this week, and with a cadence of a day the last call is overdue too: over-contacted outweighs.
        var facts = Facts(Out(Channel.Phone, 5), Out(Channel.Phone, 3), Out(Channel.Phone, 1.5));

        Assert.Equal(Proto.Verdict.OverContacted, Judge(facts, isPerson: true, knownSince: Now.AddDays(-200), cadence: 1).Verdict);
    }

    private static ContactVerdicts.Judgement Judge(
        ContactFacts facts, bool isPerson, DateTimeOffset knownSince, DateTimeOffset? now = null, Proto.ContactPolicy? policy = null, int cadence = Cadence) =>
        ContactVerdicts.Judge(facts, policy ?? ContactPolicies.Default(), cadence, isPerson, knownSince, now ?? Now);

    private static Proto.ContactPolicy Limit(Proto.Channel channel, int max) => new()
    {
        Rules = { new Proto.ChannelRule { Channel = channel, MaxPerPerson = max, Period = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromDays(7)), Enforcement = Proto.Decision.Warn } },
    };

    private static ContactEvent Out(Channel channel, double daysAgo) =>
        new(Now.AddDays(-daysAgo), channel, Direction.Outbound, TwoWay: false, Guid.NewGuid(), Guid.NewGuid());

    private static ContactEvent In(Channel channel, double daysAgo) =>
        new(Now.AddDays(-daysAgo), channel, Direction.Inbound, TwoWay: true, Guid.NewGuid(), null);

    private static ContactFacts Facts(params ContactEvent[] contacts) =>
        ContactFacts.None with { Recent = [.. contacts.OrderByDescending(c => c.At)] };
}
