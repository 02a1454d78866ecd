using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>
/// What each member may see of an item, by every path: get, list, words and topics. Erik is in
/// team sales, Maria in team support; the tenant's own key acts as no member.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VisibilityTests(PlatformFixture platform)
{
    [Fact]
    public async Task APrivateItem_IsNotFoundForAnotherMember()
    {
        using var c = await Clientele.Arrange(platform);
        var item = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Private #secret", Visibility = Visibility.Private }, c.Erik);

        var error = await Assert.ThrowsAsync<RpcException>(() => c.Maria.Client.Interactions.GetInteractionAsync(new GetInteractionRequest { Id = item.Id }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task APrivateItem_IsReadByItsAuthor()
    {
        using var c = await Clientele.Arrange(platform);
        var item = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Private", Visibility = Visibility.Private }, c.Erik);

        var read = await c.Erik.Client.Interactions.GetInteractionAsync(new GetInteractionRequest { Id = item.Id });

        Assert.Equal("Private", read.Body);
    }

    [Fact]
    public async Task APrivateItem_IsInNoListSearchOrTopicsOfAnotherMember()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(new Interaction { Kind = InteractionKind.Note, Subject = "Merger rumour", Body = "Private #secret", Visibility = Visibility.Private, PersonIds = { c.Anna.Id } }, c.Erik);

        var listed = await c.Timeline(c.Maria.Client);
        var onPerson = await c.Timeline(c.Maria.Client, new ListInteractionsRequest { PersonId = c.Anna.Id });
        var searched = await c.Timeline(c.Maria.Client, new ListInteractionsRequest { Query = "merger" });
        var topics = await c.Maria.Client.Interactions.ListTopicsAsync(new ListTopicsRequest { CompanyId = c.Company.Id });

        Assert.Equal((0, 0, 0, 0), (listed.Count, onPerson.Count, searched.Count, topics.Topics.Count));
    }

    [Fact]
    public async Task APrivateItem_IsNotExportedToAnotherMember()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Private", Visibility = Visibility.Private }, c.Erik);
        var shared = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Shared" }, c.Erik);

        using var export = c.Maria.Client.Ingest.ExportInteractions(new ExportInteractionsRequest { CompanyId = c.Company.Id });
        var exported = new List<string>();
        await foreach (var item in export.ResponseStream.ReadAllAsync())
        {
            exported.Add(item.Id);
        }

        Assert.Equal([shared.Id], exported);
    }

    [Fact]
    public async Task AnIntegrationActingAsNoOne_SeesNoPrivateOrTeamItem()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Private", Visibility = Visibility.Private }, c.Erik);
        await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Sales only", Visibility = Visibility.Team, Team = "sales" }, c.Erik);
        var shared = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "For everyone" }, c.Erik);

        var seen = await c.Timeline(c.Tenant);

        Assert.Equal([shared.Id], seen.Select(i => i.Id));
    }

    [Fact]
    public async Task ATeamItem_IsSeenByTheTeam_AndNotByAnotherTeam()
    {
        using var c = await Clientele.Arrange(platform);
        using var sam = await platform.NewMember(c.Tenant, "Sam Nord", "sales");
        var item = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Sales only", Visibility = Visibility.Team, Team = "sales" }, c.Erik);

        var bySalesColleague = await c.Timeline(sam.Client);
        var byOtherTeam = await c.Timeline(c.Maria.Client);

        Assert.Equal((item.Id, 0), (string.Join(",", bySalesColleague.Select(i => i.Id)), byOtherTeam.Count));
    }

    [Fact]
    public async Task ASubjectOnlyItem_ShowsOthersItsSubjectButNotItsBody()
    {
        using var c = await Clientele.Arrange(platform);
        var item = await c.Record(new Interaction
        {
            Kind = InteractionKind.Call,
            Subject = "Called about the contract",
            Body = "They are in financial trouble",
            Visibility = Visibility.SubjectOnly,
            Call = new CallDetails { DurationSeconds = 60 },
        }, c.Erik);

        var seen = await c.Maria.Client.Interactions.GetInteractionAsync(new GetInteractionRequest { Id = item.Id });

        Assert.Equal(("Called about the contract", "", true, 0), (seen.Subject, seen.Body, seen.Redacted, seen.Call?.DurationSeconds ?? 0));
    }

    [Fact]
    public async Task ASubjectOnlyItem_IsNotFoundByTheWordsOfItsBody()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(new Interaction { Kind = InteractionKind.Note, Subject = "Call", Body = "Financial trouble", Visibility = Visibility.SubjectOnly }, c.Erik);

        var byOthers = await c.Timeline(c.Maria.Client, new ListInteractionsRequest { Query = "financial" });
        var byAuthor = await c.Timeline(c.Erik.Client, new ListInteractionsRequest { Query = "financial" });

        Assert.Equal((0, 1), (byOthers.Count, byAuthor.Count));
    }

    [Fact]
    public async Task APrivateItem_NeedsAnAuthor()
    {
        using var c = await Clientele.Arrange(platform);

        var error = await Assert.ThrowsAsync<RpcException>(() => c.Record(new Interaction { Kind = InteractionKind.Note, Body = "x", Visibility = Visibility.Private }));

        Assert.Equal((StatusCode.InvalidArgument, "interaction.visibility"), (error.StatusCode, string.Join(",", BadRequests.Fields(error))));
    }

    [Fact]
    public async Task AnotherTenantsItem_IsNotFound()
    {
        using var mine = await Clientele.Arrange(platform);
        using var theirs = await Clientele.Arrange(platform, "Theirs AB");
        var item = await theirs.Record(new Interaction { Kind = InteractionKind.Note, Body = "Theirs" });

        var error = await Assert.ThrowsAsync<RpcException>(() => mine.Erik.Client.Interactions.GetInteractionAsync(new GetInteractionRequest { Id = item.Id }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
