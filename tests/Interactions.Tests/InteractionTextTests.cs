using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

/// <summary>The text rule over an interaction as the contract marks it: only the body may span lines.</summary>
public sealed class InteractionTextTests
{
    [Fact]
    public void TheBody_MayHoldTabsAndLineBreaks()
    {
        Assert.Empty(Fields(new Proto.Interaction { Subject = "Call", Body = "Agenda:\n\t1. Price\r\n\t2. Dates" }));
    }

    [Fact]
    public void TheSubject_MayNotHoldALineBreak()
    {
        Assert.Equal(["interaction.subject"], Fields(new Proto.Interaction { Subject = "Call\nback" }));
    }

    [Fact]
    public void TheTeam_MayNotHoldAControlCharacter()
    {
        Assert.Equal(["interaction.team"], Fields(new Proto.Interaction { Team = "sales\u0007" }));
    }

    [Fact]
    public void TheBody_MayNotHoldANul()
    {
        Assert.Equal(["interaction.body"], Fields(new Proto.Interaction { Body = "Met\0the CFO" }));
    }

    private static List<string> Fields(Proto.Interaction interaction) =>
        new FieldViolations().Text(new Proto.RecordInteractionRequest { Interaction = interaction }).ToList().Select(v => v.Field).ToList();
}
