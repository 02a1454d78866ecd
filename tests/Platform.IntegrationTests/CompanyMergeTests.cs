using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>One merge and its undo (see <see cref="MergeScenario"/>), each behaviour checked on its own.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompanyMergeTests(PlatformFixture platform)
{
    [Fact]
    public async Task DryRun_NamesTheFieldsItWouldFill_WithoutAnId()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal("", s.DryRun.Id);
        Assert.Equal(["legal_name", "phone", "tags"], s.DryRun.FilledFields.Order());
    }

    [Fact]
    public async Task DryRun_ShowsTheSurvivorAsItWouldBe_ItsOwnValuesKept_TagsJoined()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal("https://nordictimber.se", s.DryRun.Survivor.Website);
        Assert.Equal(["key-account", "forestry"], s.DryRun.Survivor.Tags);
    }

    [Fact]
    public async Task DryRun_NamesThePeopleProjectsAndChangesThatWouldMove()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal([s.Anna.Id], s.DryRun.MovedPersonIds);
        Assert.Equal([s.Deal.Id], s.DryRun.MovedProjectIds);
        Assert.Equal(1, s.DryRun.MovedChangeCount);
    }

    [Fact]
    public async Task DryRun_ChangesNothing()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal(("", 1), (s.SurvivorAfterDryRun.Phone, s.MergedPeopleAfterDryRun));
    }

    [Fact]
    public async Task Merge_FromAStaleEtag_IsFailedPrecondition()
    {
        Assert.Equal(StatusCode.FailedPrecondition, (await MergeScenario.Of(platform)).StaleEtagMerge);
    }

    [Fact]
    public async Task Merge_FillsTheSurvivorsEmptyFields()
    {
        var s = await MergeScenario.Of(platform);

        Assert.NotEmpty(s.Merge.Id);
        Assert.Equal("+46 90 123 45 67", s.Merge.Survivor.Phone);
    }

    [Fact]
    public async Task Merge_CanBeUndoneForThirtyDays()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal(s.Merge.UndoDeadline.ToDateTime(), s.Merge.MergeTime.ToDateTime().AddDays(30));
    }

    [Fact]
    public async Task Merge_SoftDeletesTheMergedCompany_PointingAtTheSurvivor()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal(s.Survivor.Id, s.MergedAfterMerge.MergedIntoId);
        Assert.NotNull(s.MergedAfterMerge.DeleteTime);
    }

    [Fact]
    public async Task Merge_MovesPeopleAndProjectsToTheSurvivor()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal([s.Anna.Id], s.SurvivorPeopleAfterMerge);
        Assert.Equal([s.Deal.Id], s.SurvivorProjectsAfterMerge);
    }

    [Fact]
    public async Task Merge_MovesThePeoplesHistoryToTheSurvivor()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Contains(s.SurvivorHistoryAfterMerge, c => c.Field == "person.title" && c.PersonId == s.Anna.Id);
    }

    [Fact]
    public async Task Merge_RecordsEachFilledField_InTheSurvivorsHistory()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Contains(s.SurvivorHistoryAfterMerge, c => c.Field == "phone" && c.After.Phone == "+46 90 123 45 67");
    }

    [Fact]
    public async Task Merge_IsRecordedInTheMergedCompanysHistory()
    {
        Assert.Contains((await MergeScenario.Of(platform)).MergedHistoryAfterMerge, c => c.Field == "merged_into_id");
    }

    [Fact]
    public async Task Merge_CanBeReadAndIsListedForBothCompanies()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal(s.Merge.Id, s.MergeAsRead.Id);
        Assert.Equal([s.Merge.Id], s.MergesOfMerged);
    }

    [Fact]
    public async Task Merge_FoldsTheMergedCompanysFacts_IntoTheSurvivors()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal((1, 1), (s.SurvivorFactsAfterMerge.InteractionCount, s.SurvivorFactsAfterMerge.InvoiceCount));
    }

    [Fact]
    public async Task Merge_LeavesTheMergedCompanyOutOfTheFactsList()
    {
        var s = await MergeScenario.Of(platform);

        Assert.DoesNotContain(s.Merged.Id, s.FactsListedAfterMerge);
    }

    [Fact]
    public async Task RecordingAgainstAMergedCompany_RecordsAgainstItsSurvivor()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal(s.Survivor.Id, s.NoteAfterMerge.CompanyId);
    }

    [Fact]
    public async Task AMergedCompany_CannotBeUndeletedOnItsOwn()
    {
        Assert.Equal(StatusCode.FailedPrecondition, (await MergeScenario.Of(platform)).UndeleteOfMerged);
    }

    [Fact]
    public async Task AMergedCompany_CannotBeMergedAgain()
    {
        Assert.Equal(StatusCode.FailedPrecondition, (await MergeScenario.Of(platform)).MergeOfMergedAgain);
    }

    [Fact]
    public async Task Undo_EmptiesTheFieldsTheMergeFilled()
    {
        var s = await MergeScenario.Of(platform);

        Assert.NotNull(s.Undone.UndoTime);
        Assert.Equal("", s.Undone.Survivor.Phone);
        Assert.Equal(["key-account"], s.Undone.Survivor.Tags);
    }

    [Fact]
    public async Task Undo_KeepsAFilledFieldSomeoneChangedSinceTheMerge()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal(s.LegalNameChangedSinceMerge, s.Undone.Survivor.LegalName);
    }

    [Fact]
    public async Task Undo_BringsTheMergedCompanyBack()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Null(s.MergedAfterUndo.DeleteTime);
        Assert.Equal("", s.MergedAfterUndo.MergedIntoId);
    }

    [Fact]
    public async Task Undo_MovesPeopleProjectsAndTheirHistoryBack()
    {
        var s = await MergeScenario.Of(platform);

        Assert.Equal([s.Anna.Id], s.MergedPeopleAfterUndo);
        Assert.Equal([s.Deal.Id], s.MergedProjectsAfterUndo);
        Assert.Contains(s.MergedHistoryAfterUndo, c => c.Field == "person.title");
    }

    [Fact]
    public async Task Undo_ReachesEveryService()
    {
        var s = await MergeScenario.Of(platform);
        var tenant = s.Tenant;

        await Eventually.True(
            async () => (await tenant.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = s.Merged.Id })).Interactions.Select(i => i.Id).SequenceEqual([s.Call.Id])
                && (await tenant.Billing.ListInvoicesAsync(new ListInvoicesRequest { CompanyId = s.Merged.Id })).Invoices.Select(i => i.Id).SequenceEqual([s.Invoice.Id])
                && (await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = s.Survivor.Id })).MergedCompanyIds.Count == 0,
            "the undo to reach every service");
    }

    [Fact]
    public async Task Undo_LeavesWhatWasRecordedAfterTheMerge_WithTheSurvivor()
    {
        var s = await MergeScenario.Of(platform);
        await Eventually.True(
            async () => (await s.Tenant.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = s.Merged.Id })).Interactions.Any(i => i.Id == s.Call.Id),
            "the undo to reach Interactions");

        var survivors = await s.Tenant.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = s.Survivor.Id });

        Assert.Equal([s.NoteAfterMerge.Id], survivors.Interactions.Select(i => i.Id));
    }

    [Fact]
    public async Task Undo_Twice_IsFailedPrecondition()
    {
        Assert.Equal(StatusCode.FailedPrecondition, (await MergeScenario.Of(platform)).UndoAgain);
    }
}
