using CrmPlatform.Interactions.Contacts;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

/// <summary>Erik Berg is about to reach Anna Svensson of Acme AB, on a Monday at noon, under the default policy unless said.</summary>
public sealed class ContactChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Erik = Guid.NewGuid();
    private static readonly Guid Ingrid = Guid.NewGuid();

    [Fact]
    public void AQuietPeriod_DecidesAsItsRuleEnforces()
    {
        var check = Check(Input(Proto.Channel.Phone, ByErik(Proto.Channel.Phone, hoursAgo: 2)));

        Assert.Equal((Proto.Decision.Deny, "QUIET_PERIOD"), (check.Decision, Assert.Single(check.Reasons).Code));
    }

    [Fact]
    public void AQuietPeriod_SaysWhoReachedWhomAndUntilWhen()
    {
        var check = Check(Input(Proto.Channel.Phone, ByErik(Proto.Channel.Phone, hoursAgo: 2)));

        Assert.Equal("Erik Berg called Anna Svensson 2 hours ago; quiet period until Wednesday 10:00 UTC", Assert.Single(check.Reasons).Message);
    }

    [Fact]
    public void AQuietPeriod_RestsOnTheLastContact()
    {
        var last = ByErik(Proto.Channel.Phone, hoursAgo: 2);

        var check = Check(Input(Proto.Channel.Phone, last, ByErik(Proto.Channel.Phone, hoursAgo: 30)));

        Assert.Equal(last.InteractionId.ToString(), check.Reasons.Single(r => r.Code == "QUIET_PERIOD").InteractionId);
    }

    [Fact]
    public void ADeniedContact_SaysWhenItIsAllowed()
    {
        var check = Check(Input(Proto.Channel.Phone, ByErik(Proto.Channel.Phone, hoursAgo: 2)));

        Assert.Equal(Timestamp.FromDateTimeOffset(Now.AddHours(46)), check.AllowedFrom);
    }

    [Fact]
    public void AQuietPeriodThatWarns_Warns_WithoutATimeItIsAllowedFrom()
    {
        var policy = Policy(new Proto.ChannelRule { Channel = Proto.Channel.Email, QuietPeriod = Duration.FromTimeSpan(TimeSpan.FromHours(24)), Enforcement = Proto.Decision.Warn });

        var check = Check(Input(Proto.Channel.Email, ByErik(Proto.Channel.Email, hoursAgo: 2)) with { Policy = policy });

        Assert.Equal((Proto.Decision.Warn, "QUIET_PERIOD", null), (check.Decision, Assert.Single(check.Reasons).Code, check.AllowedFrom));
    }

    [Fact]
    public void AQuietPeriodPassed_IsNoReason()
    {
        var check = Check(Input(Proto.Channel.Phone, ByErik(Proto.Channel.Phone, hoursAgo: 49)));

        Assert.Equal((Proto.Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public void AQuietPeriod_IsOfItsChannelAlone()
    {
        var check = Check(Input(Proto.Channel.Email, ByErik(Proto.Channel.Phone, hoursAgo: 2)));

        Assert.Equal((Proto.Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public void AChannelLimit_SaysWhichContactThisWouldBe()
    {
        var check = Check(Input(Proto.Channel.Email, ByErik(Proto.Channel.Email, hoursAgo: 24), ByErik(Proto.Channel.Email, hoursAgo: 72)) with { Policy = TwoEmailsAWeek(Proto.Decision.Warn) });

        Assert.Equal(
            (Proto.Decision.Warn, "CHANNEL_LIMIT", "This would be the 3rd email to Anna Svensson in 7 days; the policy allows 2"),
            (check.Decision, Assert.Single(check.Reasons).Code, check.Reasons[0].Message));
    }

    [Fact]
    public void ADeniedChannelLimit_IsAllowedOnceEnoughContactsLeaveTheWindow()
    {
        var recent = new[] { ByErik(Proto.Channel.Email, hoursAgo: 24), ByErik(Proto.Channel.Email, hoursAgo: 72), ByErik(Proto.Channel.Email, hoursAgo: 120) };

        var check = Check(Input(Proto.Channel.Email, recent) with { Policy = TwoEmailsAWeek(Proto.Decision.Deny) });

        // The email of 72 hours ago leaves the week in four days; one email then remains.
        Assert.Equal((Proto.Decision.Deny, Timestamp.FromDateTimeOffset(Now.AddDays(4))), (check.Decision, check.AllowedFrom));
    }

    [Fact]
    public void UnderAChannelLimit_IsNoReason()
    {
        var check = Check(Input(Proto.Channel.Email, ByErik(Proto.Channel.Email, hoursAgo: 24)) with { Policy = TwoEmailsAWeek(Proto.Decision.Deny) });

        Assert.Equal((Proto.Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public void AChannelLimit_IsPerPerson_NotForACompany()
    {
        var input = Input(Proto.Channel.Email, ByErik(Proto.Channel.Email, hoursAgo: 24), ByErik(Proto.Channel.Email, hoursAgo: 72)) with
        {
            Policy = TwoEmailsAWeek(Proto.Decision.Deny),
            TargetIsPerson = false,
        };

        Assert.Equal(Proto.Decision.Allow, Check(input).Decision);
    }

    [Fact]
    public void ACoworkersRecentContact_Warns()
    {
        var check = Check(Input(Proto.Channel.Phone, ByIngrid(Proto.Channel.Email, hoursAgo: 3)));

        Assert.Equal(
            (Proto.Decision.Warn, "RECENTLY_CONTACTED_BY_COWORKER", "Ingrid Ek emailed Anna Svensson 3 hours ago"),
            (check.Decision, Assert.Single(check.Reasons).Code, check.Reasons[0].Message));
    }

    [Fact]
    public void TheCallersOwnRecentContact_DoesNotWarn()
    {
        var check = Check(Input(Proto.Channel.Phone, ByErik(Proto.Channel.Email, hoursAgo: 3)));

        Assert.Equal((Proto.Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public void ACoworkersContactBeforeTheWindow_DoesNotWarn()
    {
        var check = Check(Input(Proto.Channel.Phone, ByIngrid(Proto.Channel.Email, hoursAgo: 25)));

        Assert.Equal((Proto.Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public void ACoworkersNewsletter_DoesNotWarn()
    {
        var check = Check(Input(Proto.Channel.Phone, ByIngrid(Proto.Channel.Newsletter, hoursAgo: 3)));

        Assert.Equal((Proto.Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public void TheCompanysPeopleLimit_WarnsForAPersonNotYetReached()
    {
        var check = Check(Input(Proto.Channel.Email) with { PeopleReachedThisWeek = 5 });

        Assert.Equal(
            (Proto.Decision.Warn, "COMPANY_PEOPLE_LIMIT", "5 people of Acme AB were reached in the last 7 days; the policy allows 5"),
            (check.Decision, Assert.Single(check.Reasons).Code, check.Reasons[0].Message));
    }

    [Fact]
    public void TheCompanysPeopleLimit_DoesNotWarnForAPersonAlreadyReached()
    {
        var check = Check(Input(Proto.Channel.Email) with { PeopleReachedThisWeek = 5, TargetReachedThisWeek = true });

        Assert.Equal((Proto.Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public void TheCompanysPeopleLimit_DoesNotWarnBelowIt()
    {
        var check = Check(Input(Proto.Channel.Email) with { PeopleReachedThisWeek = 4 });

        Assert.Equal((Proto.Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public void AnOverContactedTarget_Warns_WithTheVerdictsReasons()
    {
        var check = Check(Input(Proto.Channel.Email) with { Verdict = Proto.Verdict.OverContacted, VerdictReasons = ["3 calls in 7 days; the policy allows 2"] });

        Assert.Equal(
            (Proto.Decision.Warn, "OVER_CONTACTED", "Anna Svensson is over-contacted: 3 calls in 7 days; the policy allows 2"),
            (check.Decision, Assert.Single(check.Reasons).Code, check.Reasons[0].Message));
    }

    [Fact]
    public void TheStrictestReason_Decides()
    {
        var check = Check(Input(Proto.Channel.Phone, ByIngrid(Proto.Channel.Email, hoursAgo: 1), ByErik(Proto.Channel.Phone, hoursAgo: 2)));

        Assert.Equal(
            (Proto.Decision.Deny, "QUIET_PERIOD RECENTLY_CONTACTED_BY_COWORKER"),
            (check.Decision, string.Join(" ", check.Reasons.Select(r => r.Code))));
    }

    [Fact]
    public void NothingRelevant_Allows_WithNoReasons()
    {
        var check = Check(Input(Proto.Channel.Meeting, ByErik(Proto.Channel.Email, hoursAgo: 30), ByIngrid(Proto.Channel.Phone, hoursAgo: 100)));

        Assert.Equal((Proto.Decision.Allow, 0, null), (check.Decision, check.Reasons.Count, check.AllowedFrom));
    }

    private static Proto.ContactCheck Check(ContactCheckInput input) => ContactChecks.Check(input);

    private static ContactCheckInput Input(Proto.Channel channel, params PastContact[] recent) => new(
        ContactPolicies.Default(), channel, Erik, "Anna Svensson", TargetIsPerson: true, [.. recent.OrderByDescending(c => c.At)],
        PeopleReachedThisWeek: 0, TargetReachedThisWeek: false, "Acme AB", Proto.Verdict.OnTarget, [], Now);

    private static PastContact ByErik(Proto.Channel channel, double hoursAgo) =>
        new(Now.AddHours(-hoursAgo), channel, Erik, "Erik Berg", "Anna Svensson", Guid.NewGuid());

    private static PastContact ByIngrid(Proto.Channel channel, double hoursAgo) =>
        new(Now.AddHours(-hoursAgo), channel, Ingrid, "Ingrid Ek", "Anna Svensson", Guid.NewGuid());

    private static Proto.ContactPolicy TwoEmailsAWeek(Proto.Decision enforcement) => Policy(new Proto.ChannelRule
    {
        Channel = Proto.Channel.Email,
        MaxPerPerson = 2,
        Period = Duration.FromTimeSpan(TimeSpan.FromDays(7)),
        Enforcement = enforcement,
    });

    private static Proto.ContactPolicy Policy(Proto.ChannelRule rule) => new() { Rules = { rule }, MaxPeoplePerCompanyPerWeek = 5 };
}
