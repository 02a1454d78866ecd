using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>The tenant's contact policy: what a tenant that set none gets, and what a valid one is.</summary>
internal static class ContactPolicies
{
    public const int DefaultCadenceDays = 30;
    public static readonly TimeSpan DefaultCoworkerWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(90);

    /// <summary>
    /// Sensible limits a sales team recognises: two calls and three emails a week per person, no
    /// second call within 48 hours, a newsletter a week, five people of one company a week.
    /// </summary>
    public static Proto.ContactPolicy Default() => new()
    {
        Rules =
        {
            Rule(Proto.Channel.Phone, 2, TimeSpan.FromDays(7), TimeSpan.FromHours(48), Proto.Decision.Deny),
            Rule(Proto.Channel.Email, 3, TimeSpan.FromDays(7), TimeSpan.Zero, Proto.Decision.Warn),
            Rule(Proto.Channel.Meeting, 2, TimeSpan.FromDays(7), TimeSpan.Zero, Proto.Decision.Warn),
            Rule(Proto.Channel.Newsletter, 1, TimeSpan.FromDays(7), TimeSpan.Zero, Proto.Decision.Deny),
        },
        MaxPeoplePerCompanyPerWeek = 5,
        DefaultCadenceDays = DefaultCadenceDays,
        CoworkerWindow = Duration.FromTimeSpan(DefaultCoworkerWindow),
    };

    private static Proto.ChannelRule Rule(Proto.Channel channel, int max, TimeSpan period, TimeSpan quiet, Proto.Decision enforcement) => new()
    {
        Channel = channel,
        MaxPerPerson = max,
        Period = Duration.FromTimeSpan(period),
        QuietPeriod = Duration.FromTimeSpan(quiet),
        Enforcement = enforcement,
    };

    public static int CadenceDays(Proto.ContactPolicy policy, int? companyCadence) =>
        companyCadence is > 0 ? companyCadence.Value : policy.DefaultCadenceDays > 0 ? policy.DefaultCadenceDays : DefaultCadenceDays;

    public static TimeSpan CoworkerWindow(Proto.ContactPolicy policy) =>
        policy.CoworkerWindow is { } window && window.ToTimeSpan() > TimeSpan.Zero ? window.ToTimeSpan() : DefaultCoworkerWindow;

    public static FieldViolations Validate(Proto.ContactPolicy? policy, FieldViolations violations)
    {
        if (policy is null)
        {
            return violations.Add("policy", "is required");
        }

        violations
            .Check(policy.MaxPeoplePerCompanyPerWeek is >= 0 and <= 10_000, "policy.max_people_per_company_per_week", "must be 0 to 10000")
            .Check(policy.DefaultCadenceDays is >= 0 and <= 3650, "policy.default_cadence_days", "must be 0 to 3650")
            .Check(policy.Rules.Count <= 20, "policy.rules", "must hold at most 20 rules");
        if (policy.CoworkerWindow is { } window)
        {
            violations.Check(IsSpan(window, TimeSpan.Zero, TimeSpan.FromDays(30)), "policy.coworker_window", "must be 0 to 30 days");
        }

        var seen = new HashSet<Proto.Channel>();
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            var rule = policy.Rules[i];
            var field = $"policy.rules[{i}]";
            violations
                .Check(rule.Channel != Proto.Channel.Unspecified && System.Enum.IsDefined(rule.Channel), $"{field}.channel", "must be PHONE, MEETING, EMAIL, SOCIAL or NEWSLETTER")
                .Check(seen.Add(rule.Channel) || rule.Channel == Proto.Channel.Unspecified, $"{field}.channel", "has a rule already")
                .Check(rule.MaxPerPerson is >= 0 and <= 1000, $"{field}.max_per_person", "must be 0 to 1000")
                .Check(rule.MaxPerPerson == 0 || (rule.Period is { } p && IsSpan(p, TimeSpan.FromHours(1), MaxPeriod)), $"{field}.period", "must be 1 hour to 90 days when max_per_person is set")
                .Check(rule.QuietPeriod is null || IsSpan(rule.QuietPeriod, TimeSpan.Zero, MaxPeriod), $"{field}.quiet_period", "must be 0 to 90 days")
                .Check(rule.Enforcement is Proto.Decision.Warn or Proto.Decision.Deny, $"{field}.enforcement", "must be WARN or DENY");
        }

        return violations;
    }

    private static bool IsSpan(Duration duration, TimeSpan min, TimeSpan max)
    {
        // Seconds and nanos of opposite signs are no normalized duration either; ToTimeSpan throws on them.
        if (duration.Seconds is < -315_576_000_000 or > 315_576_000_000 || duration.Nanos is <= -1_000_000_000 or >= 1_000_000_000
            || Math.Sign(duration.Seconds) * Math.Sign(duration.Nanos) < 0)
        {
            return false;
        }

        var span = duration.ToTimeSpan();
        return span >= min && span <= max;
    }
}
