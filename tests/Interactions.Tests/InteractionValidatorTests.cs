using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Timeline;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

public sealed class InteractionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AMissingInteraction_IsAViolationOfIt()
    {
        Assert.Equal(["interaction"], Fields(null));
    }

    [Fact]
    public void AnInteractionWithoutKind_IsAViolationOfTheKind()
    {
        Assert.Equal(["interaction.kind"], Fields(new Proto.Interaction { Subject = "Intro call" }));
    }

    [Fact]
    public void AnInteractionWithNeitherSubjectNorBody_IsAViolationOfTheBody()
    {
        Assert.Equal(["interaction.body"], Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "  " }));
    }

    [Fact]
    public void ASubjectOverItsLimit_IsAViolationOfTheSubject()
    {
        Assert.Equal(["interaction.subject"], Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = new string('a', 301) }));
    }

    [Fact]
    public void AKindTheContractDoesNotName_IsAViolationOfTheKind()
    {
        Assert.Equal(["interaction.kind"], Fields(new Proto.Interaction { Kind = (Proto.InteractionKind)99, Subject = "Call" }));
    }

    [Fact]
    public void ABodyOverItsLimit_IsAViolationOfTheBody()
    {
        Assert.Equal(["interaction.body"], Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Body = new string('a', 20_001) }));
    }

    [Fact]
    public void ABodyWithoutASubject_IsValid()
    {
        Assert.Empty(Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Body = "Met the CFO." }));
    }

    [Fact]
    public void ATimeMoreThanAYearAhead_IsAViolationOfTheOccurTime()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Meeting, Subject = "Kick-off", OccurTime = Timestamp.FromDateTimeOffset(Now.AddDays(400)) };

        Assert.Equal(["interaction.occur_time"], Fields(interaction));
    }

    [Fact]
    public void ATimeOutsideWhatATimestampHolds_IsAViolation_NotAnException()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Call, Subject = "Call", OccurTime = new Timestamp { Seconds = long.MaxValue } };

        Assert.Equal(["interaction.occur_time"], Fields(interaction));
    }

    [Fact]
    public void NanosOutsideOneSecond_AreAViolation_NotAnException()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Call, Subject = "Call", OccurTime = new Timestamp { Seconds = 1_700_000_000, Nanos = -1 } };

        Assert.Equal(["interaction.occur_time"], Fields(interaction));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        Assert.Equal(["interaction.body", "interaction.kind"], Fields(new Proto.Interaction()).Order());
    }

    [Fact]
    public void AMeetingNextWeek_IsValid()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Meeting, Subject = "Kick-off", OccurTime = Timestamp.FromDateTimeOffset(Now.AddDays(7)) };

        Assert.Empty(Fields(interaction));
    }

    private static List<string> Fields(Proto.Interaction? interaction) =>
        InteractionValidator.Validate(interaction, Now, new FieldViolations()).ToList().Select(v => v.Field).ToList();
}
