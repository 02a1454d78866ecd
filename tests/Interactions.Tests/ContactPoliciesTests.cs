using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Contacts;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

public sealed class ContactPoliciesTests
{
    [Fact]
    public void TheDefault_IsValid()
    {
        Assert.Empty(Fields(ContactPolicies.Default()));
    }

    [Fact]
    public void AMissingPolicy_IsAViolationOfIt()
    {
        Assert.Equal(["policy"], Fields(null));
    }

    [Theory]
    [InlineData(Proto.Channel.Unspecified)]
    [InlineData((Proto.Channel)99)]
    public void ARuleForNoKnownChannel_IsAViolationOfItsChannel(Proto.Channel channel)
    {
        Assert.Equal(["policy.rules[0].channel"], Fields(Policy(Rule() with { Channel = channel })));
    }

    [Fact]
    public void ASecondRuleForAChannel_IsAViolationOfItsChannel()
    {
        Assert.Equal(["policy.rules[1].channel"], Fields(Policy(Rule(), Rule())));
    }

    [Fact]
    public void ANegativeMaximum_IsAViolationOfIt()
    {
        Assert.Equal(["policy.rules[0].max_per_person"], Fields(Policy(Rule() with { Max = -1 })));
    }

    [Fact]
    public void AMaximumWithoutAPeriod_IsAViolationOfThePeriod()
    {
        Assert.Equal(["policy.rules[1].period"], Fields(Policy(Rule(), Rule() with { Channel = Proto.Channel.Email, Period = null })));
    }

    [Fact]
    public void NoMaximum_NeedsNoPeriod()
    {
        Assert.Empty(Fields(Policy(Rule() with { Max = 0, Period = null })));
    }

    [Fact]
    public void APeriodOverNinetyDays_IsAViolationOfIt()
    {
        Assert.Equal(["policy.rules[0].period"], Fields(Policy(Rule() with { Period = Duration.FromTimeSpan(TimeSpan.FromDays(91)) })));
    }

    [Fact]
    public void APeriodUnderAnHour_IsAViolationOfIt()
    {
        Assert.Equal(["policy.rules[0].period"], Fields(Policy(Rule() with { Period = Duration.FromTimeSpan(TimeSpan.FromMinutes(59)) })));
    }

    [Fact]
    public void AQuietPeriodOverNinetyDays_IsAViolationOfIt()
    {
        Assert.Equal(["policy.rules[0].quiet_period"], Fields(Policy(Rule() with { Quiet = Duration.FromTimeSpan(TimeSpan.FromDays(91)) })));
    }

    [Theory]
    [InlineData(Proto.Decision.Allow)]
    [InlineData(Proto.Decision.Unspecified)]
    public void AnEnforcementThatEnforcesNothing_IsAViolationOfIt(Proto.Decision enforcement)
    {
        Assert.Equal(["policy.rules[0].enforcement"], Fields(Policy(Rule() with { Enforcement = enforcement })));
    }

    [Theory]
    [InlineData(long.MaxValue, 0)]
    [InlineData(long.MinValue, 0)]
    [InlineData(3600, 1_000_000_000)]
    [InlineData(3600, -1)]
    public void APeriodNoTimeSpanHolds_IsAViolation_NotAnException(long seconds, int nanos)
    {
        Assert.Equal(["policy.rules[0].period"], Fields(Policy(Rule() with { Period = new Duration { Seconds = seconds, Nanos = nanos } })));
    }

    [Theory]
    [InlineData(long.MaxValue, 0)]
    [InlineData(3600, -1)]
    public void AQuietPeriodNoTimeSpanHolds_IsAViolation_NotAnException(long seconds, int nanos)
    {
        Assert.Equal(["policy.rules[0].quiet_period"], Fields(Policy(Rule() with { Quiet = new Duration { Seconds = seconds, Nanos = nanos } })));
    }

    [Theory]
    [InlineData(long.MaxValue, 0)]
    [InlineData(60, -1)]
    [InlineData(31 * 86400, 0)]
    public void ACoworkerWindowOutsideThirtyDays_IsAViolationOfIt(long seconds, int nanos)
    {
        var policy = ContactPolicies.Default();
        policy.CoworkerWindow = new Duration { Seconds = seconds, Nanos = nanos };

        Assert.Equal(["policy.coworker_window"], Fields(policy));
    }

    [Fact]
    public void EveryBadRule_IsReportedAtOnce()
    {
        var policy = Policy(Rule() with { Max = -1 }, Rule() with { Enforcement = Proto.Decision.Allow });

        Assert.Equal(["policy.rules[0].max_per_person", "policy.rules[1].channel", "policy.rules[1].enforcement"], Fields(policy));
    }

    [Fact]
    public void TheCadence_IsTheCompanysOwn_WhenItHasOne()
    {
        Assert.Equal(14, ContactPolicies.CadenceDays(new Proto.ContactPolicy { DefaultCadenceDays = 45 }, 14));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void TheCadence_IsTheTenantsDefault_ForACompanyWithoutOne(int? companyCadence)
    {
        Assert.Equal(45, ContactPolicies.CadenceDays(new Proto.ContactPolicy { DefaultCadenceDays = 45 }, companyCadence));
    }

    [Fact]
    public void TheCadence_IsThirtyDays_WhenNeitherSetsOne()
    {
        Assert.Equal(30, ContactPolicies.CadenceDays(new Proto.ContactPolicy(), null));
    }

    [Fact]
    public void TheCoworkerWindow_IsADay_WhenUnset()
    {
        Assert.Equal(TimeSpan.FromHours(24), ContactPolicies.CoworkerWindow(new Proto.ContactPolicy()));
    }

    /// <summary>A rule in the test's terms, to vary one field with <c>with</c>.</summary>
    private sealed record RuleSpec(Proto.Channel Channel, int Max, Duration? Period, Duration? Quiet, Proto.Decision Enforcement)
    {
        public Proto.ChannelRule ToProto() => new() { Channel = Channel, MaxPerPerson = Max, Period = Period, QuietPeriod = Quiet, Enforcement = Enforcement };
    }

    private static RuleSpec Rule() =>
        new(Proto.Channel.Phone, 2, Duration.FromTimeSpan(TimeSpan.FromDays(7)), Duration.FromTimeSpan(TimeSpan.FromHours(48)), Proto.Decision.Deny);

    private static Proto.ContactPolicy Policy(params RuleSpec[] rules) => new() { Rules = { rules.Select(r => r.ToProto()) } };

    private static List<string> Fields(Proto.ContactPolicy? policy) =>
        ContactPolicies.Validate(policy, new FieldViolations()).ToList().Select(v => v.Field).ToList();
}
