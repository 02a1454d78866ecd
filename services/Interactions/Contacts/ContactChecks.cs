using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>An outbound contact of the one about to be reached, with the names a reason speaks of.</summary>
internal sealed record PastContact(DateTimeOffset At, Proto.Channel Channel, Guid? AuthorId, string AuthorName, string ReachedName, Guid InteractionId);

/// <summary>Everything a check weighs: the policy, who is about to reach whom how, and what already happened.</summary>
internal sealed record ContactCheckInput(
    Proto.ContactPolicy Policy,
    Proto.Channel Channel,
    Guid? MemberId,
    string TargetName,
    bool TargetIsPerson,
    IReadOnlyList<PastContact> RecentOutbound,
    int PeopleReachedThisWeek,
    bool TargetReachedThisWeek,
    string CompanyName,
    Proto.Verdict Verdict,
    IReadOnlyList<string> VerdictReasons,
    DateTimeOffset Now);

/// <summary>
/// Allow, warn or deny before anyone calls or sends, with reasons a person can read. Every
/// outbound channel counts, one-to-one email and calls included; the strictest reason decides.
/// </summary>
internal static class ContactChecks
{
    public static Proto.ContactCheck Check(ContactCheckInput input)
    {
        var check = new Proto.ContactCheck();
        DateTimeOffset? allowedFrom = null;
        var now = input.Now;
        var rule = input.Policy.Rules.FirstOrDefault(r => r.Channel == input.Channel);
        var onChannel = input.RecentOutbound.Where(c => c.Channel == input.Channel).ToList();

        if (rule?.QuietPeriod is { } quietPeriod && quietPeriod.ToTimeSpan() > TimeSpan.Zero && onChannel.FirstOrDefault() is { } last
            && last.At + quietPeriod.ToTimeSpan() > now)
        {
            var until = last.At + quietPeriod.ToTimeSpan();
            Add(check, "QUIET_PERIOD", rule.Enforcement,
                $"{last.AuthorName} {ContactWords.Verb(input.Channel)} {last.ReachedName} {ContactWords.Ago(now - last.At)}; quiet period until {ContactWords.When(until, now)}",
                last.InteractionId);
            allowedFrom = Later(allowedFrom, until);
        }

        if (input.TargetIsPerson && rule is { MaxPerPerson: > 0, Period: { } period })
        {
            var window = period.ToTimeSpan();
            var inWindow = onChannel.Where(c => c.At > now - window && c.At <= now).ToList();
            if (inWindow.Count >= rule.MaxPerPerson)
            {
                Add(check, "CHANNEL_LIMIT", rule.Enforcement,
                    $"This would be the {ContactWords.Ordinal(inWindow.Count + 1)} {ContactWords.Noun(input.Channel)} to {input.TargetName} in {ContactWords.Period(window)}; the policy allows {rule.MaxPerPerson}",
                    inWindow[0].InteractionId);
                // Allowed again once enough of them have left the window.
                allowedFrom = Later(allowedFrom, inWindow[rule.MaxPerPerson - 1].At + window);
            }
        }

        var coworkerWindow = ContactPolicies.CoworkerWindow(input.Policy);
        var byCoworker = input.RecentOutbound.FirstOrDefault(c =>
            c.Channel != Proto.Channel.Newsletter && c.At > now - coworkerWindow && c.AuthorId is not null && c.AuthorId != input.MemberId);
        if (byCoworker is not null)
        {
            Add(check, "RECENTLY_CONTACTED_BY_COWORKER", Proto.Decision.Warn,
                $"{byCoworker.AuthorName} {ContactWords.Verb(byCoworker.Channel)} {byCoworker.ReachedName} {ContactWords.Ago(now - byCoworker.At)}",
                byCoworker.InteractionId);
        }

        if (input.TargetIsPerson && input.Policy.MaxPeoplePerCompanyPerWeek > 0 && !input.TargetReachedThisWeek
            && input.PeopleReachedThisWeek >= input.Policy.MaxPeoplePerCompanyPerWeek)
        {
            Add(check, "COMPANY_PEOPLE_LIMIT", Proto.Decision.Warn,
                $"{input.PeopleReachedThisWeek} people of {input.CompanyName} were reached in the last 7 days; the policy allows {input.Policy.MaxPeoplePerCompanyPerWeek}",
                null);
        }

        if (input.Verdict == Proto.Verdict.OverContacted)
        {
            foreach (var reason in input.VerdictReasons)
            {
                Add(check, "OVER_CONTACTED", Proto.Decision.Warn, $"{input.TargetName} is over-contacted: {reason}", null);
            }
        }

        check.Decision = check.Reasons.Count == 0 ? Proto.Decision.Allow : check.Reasons.Max(r => r.Decision);
        if (check.Decision == Proto.Decision.Deny && allowedFrom is { } from)
        {
            check.AllowedFrom = Timestamp.FromDateTimeOffset(from);
        }

        return check;
    }

    private static void Add(Proto.ContactCheck check, string code, Proto.Decision decision, string message, Guid? interactionId) =>
        check.Reasons.Add(new Proto.ContactReason
        {
            Code = code,
            Decision = decision,
            Message = message,
            InteractionId = interactionId?.ToString() ?? "",
        });

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;
}
