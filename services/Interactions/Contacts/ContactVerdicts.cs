using CrmPlatform.Interactions.Data;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>
/// Over-contacted, neglected or on target, with the reasons, from the facts and the time alone:
/// the same answer on the first day as after a year, and no warm-up.
/// </summary>
internal static class ContactVerdicts
{
    /// <summary>More personal contacts than this within one cadence is bombarding the client.</summary>
    public const int MaxContactsPerCadence = 3;

    public sealed record Judgement(
        Proto.Verdict Verdict,
        IReadOnlyList<string> Reasons,
        DateTimeOffset DueFrom,
        DateTimeOffset DueAt,
        DateTimeOffset? OverContactedUntil,
        IReadOnlyList<string> OverContactedReasons);

    public static Judgement Judge(ContactFacts facts, Proto.ContactPolicy policy, int cadenceDays, bool isPerson, DateTimeOffset knownSince, DateTimeOffset now)
    {
        var cadence = TimeSpan.FromDays(cadenceDays);
        // The cadence runs from the last personal contact, even one from before the client became
        // known here (history ingested from another system); from then on if there is none.
        var dueFrom = facts.LastPersonalContact ?? knownSince;
        var dueAt = dueFrom + cadence;
        var (until, overReasons) = OverContacted(facts, policy, cadence, isPerson, now);

        if (until > now)
        {
            return new(Proto.Verdict.OverContacted, overReasons, dueFrom, dueAt, until, overReasons);
        }

        if (now > dueAt)
        {
            var days = (int)(now - dueFrom).TotalDays;
            var reason = facts.LastPersonalContact is null
                ? $"Never contacted in the {days} days since it became known; the cadence is one contact every {cadenceDays} days"
                : $"No personal contact for {days} days; the cadence is one contact every {cadenceDays} days";
            return new(Proto.Verdict.Neglected, [reason], dueFrom, dueAt, until, overReasons);
        }

        var onTarget = $"Next contact due by {dueAt:yyyy-MM-dd} (one every {cadenceDays} days)";
        return new(Proto.Verdict.OnTarget, [onTarget], dueFrom, dueAt, until, overReasons);
    }

    /// <summary>
    /// Until when the subject stays over-contacted if nothing more happens (null: not over-contacted
    /// now), and why: a person over a channel's limit, or anyone reached more than
    /// <see cref="MaxContactsPerCadence"/> times within one cadence.
    /// </summary>
    public static (DateTimeOffset? Until, List<string> Reasons) OverContacted(
        ContactFacts facts, Proto.ContactPolicy policy, TimeSpan cadence, bool isPerson, DateTimeOffset now)
    {
        DateTimeOffset? until = null;
        var reasons = new List<string>();
        var outbound = facts.Recent.Where(e => e.Direction == Direction.Outbound).ToList();

        if (isPerson)
        {
            foreach (var rule in policy.Rules.Where(r => r.MaxPerPerson > 0 && r.Period is not null))
            {
                var period = rule.Period.ToTimeSpan();
                var inWindow = outbound.Where(e => e.Channel == (Channel)rule.Channel && e.At > now - period && e.At <= now).ToList();
                if (inWindow.Count > rule.MaxPerPerson)
                {
                    // Over until the contact that broke the limit leaves the window.
                    var ends = inWindow[rule.MaxPerPerson].At + period;
                    until = until is { } u && u > ends ? u : ends;
                    reasons.Add($"{inWindow.Count} {ContactWords.Plural(rule.Channel)} in {ContactWords.Period(period)}; the policy allows {rule.MaxPerPerson}");
                }
            }
        }

        var personal = outbound.Where(e => e.Channel != Channel.Newsletter && e.At > now - cadence && e.At <= now).ToList();
        if (personal.Count > MaxContactsPerCadence)
        {
            var ends = personal[MaxContactsPerCadence].At + cadence;
            until = until is { } u && u > ends ? u : ends;
            reasons.Add($"{personal.Count} outbound contacts in the last {(int)cadence.TotalDays} days against a cadence of one every {(int)cadence.TotalDays} days");
        }

        return (until, reasons);
    }
}
