using CrmPlatform.Interactions.Contacts;
using CrmPlatform.Interactions.Data;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

/// <summary>
/// When time alone changes a stored verdict, held to <see cref="ContactVerdicts.Judge"/>: the
/// moment the watcher wakes for is the moment the judgement turns, not a moment before.
/// </summary>
public sealed class VerdictClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromMicroseconds(1);
    private const int Cadence = 30;

    [Fact]
    public void OnTarget_ChangesAtItsDueTime()
    {
        Assert.Equal(Now.AddDays(5), VerdictClock.NextChange(VerdictClock.OnTarget, Now.AddDays(5), null));
    }

    [Fact]
    public void NotYetJudged_ChangesAtItsDueTime()
    {
        Assert.Equal(Now.AddDays(5), VerdictClock.NextChange(null, Now.AddDays(5), null));
    }

    [Fact]
    public void OverContacted_ChangesWhenItsWindowEmpties_NotAtItsDueTime()
    {
        Assert.Equal(Now.AddDays(2), VerdictClock.NextChange(VerdictClock.OverContacted, Now.AddDays(-10), Now.AddDays(2)));
    }

    [Fact]
    public void Neglected_IsNeverChangedByTimeAlone()
    {
        Assert.Null(VerdictClock.NextChange(VerdictClock.Neglected, Now.AddDays(-10), null));
    }

    [Fact]
    public void AStoredOnTarget_IsStaleOnlyAfterItsDueTime_AsJudgeTurnsNeglected()
    {
        var stored = Judge(Facts(Out(Channel.Phone, daysAgo: 10)), isPerson: false, Now);
        var due = VerdictClock.NextChange(stored.Verdict.ToString(), stored.DueAt, stored.OverContactedUntil)!.Value;

        Assert.Equal(
            (Proto.Verdict.OnTarget, false, Proto.Verdict.Neglected, true),
            (Judge(Facts(Out(Channel.Phone, daysAgo: 10)), isPerson: false, due).Verdict,
             VerdictClock.IsStale(VerdictClock.OnTarget, stored.DueAt, stored.OverContactedUntil, due),
             Judge(Facts(Out(Channel.Phone, daysAgo: 10)), isPerson: false, due + Tick).Verdict,
             VerdictClock.IsStale(VerdictClock.OnTarget, stored.DueAt, stored.OverContactedUntil, due + Tick)));
    }

    [Fact]
    public void AStoredOverContacted_IsStaleFromWhenItsWindowEmpties_AsJudgeTurnsOnTarget()
    {
        var facts = Facts(Out(Channel.Phone, 5), Out(Channel.Phone, 3), Out(Channel.Phone, 1));
        var stored = Judge(facts, isPerson: true, Now);
        var lapse = VerdictClock.NextChange(stored.Verdict.ToString(), stored.DueAt, stored.OverContactedUntil)!.Value;

        Assert.Equal(
            (Proto.Verdict.OverContacted, false, Proto.Verdict.OnTarget, true),
            (Judge(facts, isPerson: true, lapse - Tick).Verdict,
             VerdictClock.IsStale(VerdictClock.OverContacted, stored.DueAt, stored.OverContactedUntil, lapse - Tick),
             Judge(facts, isPerson: true, lapse).Verdict,
             VerdictClock.IsStale(VerdictClock.OverContacted, stored.DueAt, stored.OverContactedUntil, lapse)));
    }

    [Fact]
    public void AStoredNeglected_IsNeverStale()
    {
        Assert.False(VerdictClock.IsStale(VerdictClock.Neglected, Now.AddDays(-40), null, Now.AddYears(1)));
    }

    [Fact]
    public void AStoredOverContacted_WithoutAnEnd_IsStale()
    {
        Assert.True(VerdictClock.IsStale(VerdictClock.OverContacted, Now.AddDays(10), null, Now));
    }

    [Fact]
    public void TheWatcher_SleepsUntilTheNextAlarm()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), VerdictClock.Sleep(Now.AddSeconds(20), Now));
    }

    [Fact]
    public void TheWatcher_SleepsAtMostAMinute_HoweverFarTheNextAlarm()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), VerdictClock.Sleep(Now.AddDays(30), Now));
    }

    [Fact]
    public void TheWatcher_SleepsAMinute_WithoutAnyAlarm()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), VerdictClock.Sleep(null, Now));
    }

    [Fact]
    public void TheWatcher_PausesASecond_ForAnAlarmAlreadyCome()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), VerdictClock.Sleep(Now.AddSeconds(-5), Now));
    }

    private static ContactVerdicts.Judgement Judge(ContactFacts facts, bool isPerson, DateTimeOffset now) =>
        ContactVerdicts.Judge(facts, ContactPolicies.Default(), Cadence, isPerson, Now.AddDays(-200), now);

    private static ContactEvent Out(Channel channel, double daysAgo) =>
        new(Now.AddDays(-daysAgo), channel, Direction.Outbound, TwoWay: false, Guid.NewGuid(), Guid.NewGuid());

    private static ContactFacts Facts(params ContactEvent[] contacts) =>
        ContactFacts.None with { Recent = [.. contacts.OrderByDescending(c => c.At)] };
}
