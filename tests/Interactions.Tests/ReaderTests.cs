using CrmPlatform.Interactions.Data;
using CrmPlatform.Interactions.Timeline;
using CrmPlatform.Tenancy;

namespace CrmPlatform.Interactions.Tests;

/// <summary>Who sees which items: the query's expression compiled and applied in memory, and the check of an item in hand.</summary>
public sealed class ReaderTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();

    private static readonly Interaction[] Items =
    [
        Item("everyone", Visibility.Everyone),
        Item("subject-only", Visibility.SubjectOnly),
        Item("team", Visibility.Team, "sales"),
        Item("private", Visibility.Private),
    ];

    private static readonly Dictionary<string, Reader> Readers = new()
    {
        ["author"] = new(Author, []),
        ["owner"] = new(Owner, []),
        ["team member"] = new(Colleague, ["sales"]),
        ["other team"] = new(Colleague, ["support"]),
        ["no team"] = new(Colleague, []),
        ["no member"] = new(null, ["sales"]),
    };

    [Theory]
    [InlineData("author")]
    [InlineData("owner")]
    [InlineData("team member")]
    [InlineData("other team")]
    [InlineData("no team")]
    [InlineData("no member")]
    public void TheQueryAndTheItemCheck_Agree(string who)
    {
        var reader = Readers[who];

        Assert.Equal(Names(Items.Where(reader.CanSee.Compile())), Names(Items.Where(reader.Sees)));
    }

    [Fact]
    public void EveryoneAndSubjectOnlyItems_AreVisibleToAMemberOfNoTeam()
    {
        Assert.Equal(["everyone", "subject-only"], Visible(Readers["no team"]));
    }

    [Fact]
    public void ATeamItem_IsVisibleToTheTeam_ButAPrivateOneIsNot()
    {
        Assert.Equal(["everyone", "subject-only", "team"], Visible(Readers["team member"]));
    }

    [Fact]
    public void ATeamItem_IsHiddenFromAnotherTeam()
    {
        Assert.Equal(["everyone", "subject-only"], Visible(Readers["other team"]));
    }

    [Fact]
    public void TheAuthor_SeesTheirTeamAndPrivateItems_OutsideTheTeam()
    {
        Assert.Equal(["everyone", "subject-only", "team", "private"], Visible(Readers["author"]));
    }

    [Fact]
    public void AnOwner_SeesAPrivateItem()
    {
        Assert.Contains("private", Visible(Readers["owner"]));
    }

    [Fact]
    public void AReaderWithoutAMember_SeesOnlyEveryoneAndSubjectOnlyItems_WhateverTheirTeams()
    {
        Assert.Equal(["everyone", "subject-only"], Visible(Readers["no member"]));
    }

    [Fact]
    public void AReaderOfNoTenant_HasNoMemberAndNoTeams()
    {
        Assert.Equal(((Guid?)null, 0), (Reader.Of(null).MemberId, Reader.Of(null).Teams.Count));
    }

    [Fact]
    public void AReaderOfATenant_IsItsMemberWithTheirTeams()
    {
        var reader = Reader.Of(new TenantInfo(Guid.NewGuid(), MemberId: Colleague, Teams: ["sales"]));

        Assert.Equal(["everyone", "subject-only", "team"], Visible(reader));
    }

    [Fact]
    public void ASubjectOnlyItemOfSomeoneElse_IsNotSeenWhole()
    {
        Assert.False(Readers["team member"].SeesWhole(Items[1]));
    }

    [Fact]
    public void ASubjectOnlyItem_IsSeenWholeByItsAuthor()
    {
        Assert.True(Readers["author"].SeesWhole(Items[1]));
    }

    [Fact]
    public void ASubjectOnlyItem_IsSeenWholeByAnOwner()
    {
        Assert.True(Readers["owner"].SeesWhole(Items[1]));
    }

    [Fact]
    public void ASubjectOnlyItem_IsNotSeenWholeByAReaderWithoutAMember()
    {
        Assert.False(Readers["no member"].SeesWhole(Items[1]));
    }

    [Fact]
    public void AnItemForEveryone_IsSeenWholeByAnyone()
    {
        Assert.True(Readers["no member"].SeesWhole(Items[0]));
    }

    private static Interaction Item(string name, Visibility visibility, string? team = null) => new()
    {
        Subject = name,
        Visibility = visibility,
        Team = team,
        AuthorId = Author,
        OwnerIds = [Owner],
    };

    private static List<string> Visible(Reader reader) => Names(Items.Where(reader.CanSee.Compile()));

    private static List<string> Names(IEnumerable<Interaction> items) => items.Select(i => i.Subject!).ToList();
}
