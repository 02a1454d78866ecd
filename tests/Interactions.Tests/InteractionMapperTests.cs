using CrmPlatform.Interactions.Grpc;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

/// <summary>An interaction from the request to the row and back to the answer.</summary>
public sealed class InteractionMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid CompanyId = Guid.CreateVersion7();

    [Fact]
    public void ARecordedInteraction_IsAnsweredAsItWasSent()
    {
        var sent = new Proto.Interaction
        {
            Kind = Proto.InteractionKind.Meeting,
            Subject = "Kick-off",
            Body = "Agenda:\n1. Price",
            OccurTime = Timestamp.FromDateTimeOffset(Now.AddDays(-1)),
            Author = "maria",
        };

        var answered = sent.ToNewInteraction(CompanyId, Now).ToProto();

        Assert.Equal(
            (sent.Kind, sent.Subject, sent.Body, sent.OccurTime, sent.Author),
            (answered.Kind, answered.Subject, answered.Body, answered.OccurTime, answered.Author));
    }

    [Fact]
    public void ARecordedInteraction_IsAnsweredWithItsIdCompanyAndRecordingTime()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Note, Body = "Noted" }.ToNewInteraction(CompanyId, Now);

        var answered = interaction.ToProto();

        Assert.Equal(
            (interaction.Id.ToString(), CompanyId.ToString(), Timestamp.FromDateTimeOffset(Now)),
            (answered.Id, answered.CompanyId, answered.CreateTime));
    }

    [Fact]
    public void AnInteractionWithoutATime_HappenedWhenItWasRecorded()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Call, Subject = "Call" }.ToNewInteraction(CompanyId, Now);

        Assert.Equal(Now, interaction.OccurredAt);
    }

    [Fact]
    public void SurroundingSpaces_AreTrimmed()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Call, Subject = "  Call  ", Author = " maria " }.ToNewInteraction(CompanyId, Now);

        Assert.Equal(("Call", "maria"), (interaction.Subject, interaction.Author));
    }

    [Fact]
    public void ABlankSubject_IsStoredAsNone_AndAnsweredEmpty()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "   ", Body = "Noted" }.ToNewInteraction(CompanyId, Now);

        Assert.Equal((null, ""), (interaction.Subject, interaction.ToProto().Subject));
    }
}
