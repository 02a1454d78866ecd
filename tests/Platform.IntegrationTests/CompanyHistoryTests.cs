using System.Net;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>
/// Every change kept: who changed what and when, and the company as it stood on a given day
/// (over the histories of <see cref="HistoryScenario"/>, lived through once).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CompanyHistoryTests(PlatformFixture platform)
{
    [Fact]
    public async Task Changes_AreListedNewestFirst()
    {
        var s = await HistoryScenario.Of(platform);

        var all = await Changes(s, new ListCompanyChangesRequest { CompanyId = s.Changed.Id });

        Assert.Equal(4, all.Count);
        Assert.Equal("delete_time", all[0].Field);
        Assert.Equal(["industry", "tags"], all.Skip(1).Take(2).Select(c => c.Field).Order());
        Assert.Equal("account_owner", all[3].Field);
    }

    [Fact]
    public async Task Changes_NameTheKeyThatMadeThem()
    {
        var s = await HistoryScenario.Of(platform);

        var all = await Changes(s, new ListCompanyChangesRequest { CompanyId = s.Changed.Id });

        Assert.All(all, change => Assert.Equal($"api-key:{s.Tenant.KeyId}", change.Actor));
    }

    [Fact]
    public async Task ChangesOfAField_ShowItsOldAndNewValue()
    {
        var s = await HistoryScenario.Of(platform);

        var owner = Assert.Single(await Changes(s, new ListCompanyChangesRequest { CompanyId = s.Changed.Id, Fields = { "account_owner" } }));

        Assert.Equal("anna", owner.Before.AccountOwner);
        Assert.Equal("erik", owner.After.AccountOwner);
    }

    [Fact]
    public async Task ChangesOfAField_OverRest_ShowItsOldAndNewValue()
    {
        var s = await HistoryScenario.Of(platform);

        var overRest = JsonNode.Parse(await s.Tenant.Rest.GetStringAsync($"/v1/companies/{s.Changed.Id}/changes?fields=industry"))!["changes"]!.AsArray();

        var industry = Assert.Single(overRest)!;
        Assert.Equal("111", (string)industry["before"]!["industry"]!["code"]!);
        Assert.Equal("222", (string)industry["after"]!["industry"]!["code"]!);
    }

    [Fact]
    public async Task ChangesUntilTheFirstChangesTime_AreNone()
    {
        var s = await HistoryScenario.Of(platform);
        var first = Assert.Single(await Changes(s, new ListCompanyChangesRequest { CompanyId = s.Changed.Id, Fields = { "account_owner" } }));

        Assert.Empty(await Changes(s, new ListCompanyChangesRequest { CompanyId = s.Changed.Id, Until = first.ChangeTime }));
    }

    [Fact]
    public async Task CompanyAsOfATime_IsTheCompanyAsItStoodThen()
    {
        var s = await HistoryScenario.Of(platform);

        var atCreation = await AsOf(s, s.Created.UpdateTime);
        var afterRename = await AsOf(s, s.Renamed.UpdateTime);

        Assert.Equal("Before AB", atCreation.Name);
        Assert.Equal("anna", atCreation.AccountOwner);
        Assert.Equal("After AB", afterRename.Name);
    }

    [Fact]
    public async Task CompanyAsOfATimeBeforeItsDeletion_IsNotDeleted()
    {
        var s = await HistoryScenario.Of(platform);

        var now = await s.Tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = s.Created.Id });

        Assert.NotNull(now.DeleteTime);
        Assert.Null((await AsOf(s, s.Created.UpdateTime)).DeleteTime);
        Assert.Null((await AsOf(s, s.Renamed.UpdateTime)).DeleteTime);
    }

    [Fact]
    public async Task CompanyAsOfATime_HasNoEtag()
    {
        var s = await HistoryScenario.Of(platform);

        Assert.Empty((await AsOf(s, s.Created.UpdateTime)).Etag);
    }

    [Fact]
    public async Task CompanyAsOfATimeBeforeItExisted_IsNotFound()
    {
        var s = await HistoryScenario.Of(platform);
        var beforeItExisted = Timestamp.FromDateTimeOffset(s.Created.CreateTime.ToDateTimeOffset().AddSeconds(-1));

        var error = await Assert.ThrowsAsync<RpcException>(() => AsOf(s, beforeItExisted));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsCompanyHistory_IsNotFound()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var company = await a.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Private AB" } });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            b.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = company.Id }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Rest.GetAsync($"/v1/companies/{company.Id}/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Rest.GetAsync($"/v1/companies/{company.Id}?asOfTime={DateTime.UtcNow:O}")).StatusCode);
    }

    [Fact]
    public async Task PeopleAsOfATime_AreThoseWhoWereThereThen()
    {
        var s = await HistoryScenario.Of(platform);

        Assert.Equal([s.Anna.Id, s.Carl.Id], (await People(s, new ListPeopleRequest { AsOfTime = s.Then })).Select(p => p.Id));
        Assert.Equal([s.Anna.Id, s.Bo.Id], (await People(s, new ListPeopleRequest())).Select(p => p.Id));
    }

    [Fact]
    public async Task PeopleAsOfATime_AreAsTheyStoodThen()
    {
        var s = await HistoryScenario.Of(platform);

        var people = await People(s, new ListPeopleRequest { AsOfTime = s.Then });

        Assert.Equal("CFO", people[0].Title);
        Assert.Null(people[1].LeftDate);
    }

    [Fact]
    public async Task PeopleAsOfATime_HaveNoEtag()
    {
        var s = await HistoryScenario.Of(platform);

        Assert.Equal("", (await People(s, new ListPeopleRequest { AsOfTime = s.Then }))[0].Etag);
    }

    [Fact]
    public async Task PeopleInARoleAsOfATime_AreThoseWhoHeldItThen()
    {
        var s = await HistoryScenario.Of(platform);

        Assert.Empty(await People(s, new ListPeopleRequest { Role = PersonRole.KeyOfficer, AsOfTime = s.Then }));
        Assert.Equal([s.Anna.Id], (await People(s, new ListPeopleRequest { Role = PersonRole.KeyOfficer })).Select(p => p.Id));
    }

    [Fact]
    public async Task PersonAsOfATime_IsThePersonAsTheyStoodThen()
    {
        var s = await HistoryScenario.Of(platform);

        Assert.Equal("CFO", (await s.Tenant.People.GetPersonAsync(new GetPersonRequest { Id = s.Anna.Id, AsOfTime = s.Then })).Title);
    }

    [Fact]
    public async Task PersonAsOfATimeBeforeTheyJoined_IsNotFound()
    {
        var s = await HistoryScenario.Of(platform);

        var notYet = await Assert.ThrowsAsync<RpcException>(() => s.Tenant.People.GetPersonAsync(new GetPersonRequest { Id = s.Bo.Id, AsOfTime = s.Then }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, notYet.StatusCode);
    }

    [Fact]
    public async Task ProjectAsOfATime_IsTheProjectAsItStoodThen()
    {
        var s = await HistoryScenario.Of(platform);

        var pastDeal = await s.Tenant.Projects.GetProjectAsync(new GetProjectRequest { Id = s.Deal.Id, AsOfTime = s.Then });

        Assert.Equal(ProjectStage.Planning, pastDeal.Stage);
        Assert.Equal(s.Deal.StageTime.ToDateTime(), pastDeal.StageTime.ToDateTime(), TimeSpan.FromMilliseconds(1)); // stored to the microsecond
    }

    [Fact]
    public async Task ProjectsAtAStageAsOfATime_AreThoseAtItThen()
    {
        var s = await HistoryScenario.Of(platform);

        Assert.Equal([s.Deal.Id], (await Projects(s, new ListProjectsRequest { Stage = ProjectStage.Planning, AsOfTime = s.Then })).Select(p => p.Id));
        Assert.Empty(await Projects(s, new ListProjectsRequest { Stage = ProjectStage.Planning }));
    }

    [Fact]
    public async Task StalledProjectsAsOfATime_IsInvalidArgument()
    {
        var s = await HistoryScenario.Of(platform);

        var mixed = await Assert.ThrowsAsync<RpcException>(() => Projects(s, new ListProjectsRequest { StalledForDays = 30, AsOfTime = s.Then }));

        Assert.Equal(StatusCode.InvalidArgument, mixed.StatusCode);
    }

    private static async Task<List<CompanyChange>> Changes(HistoryScenario s, ListCompanyChangesRequest request) =>
        (await s.Tenant.History.ListCompanyChangesAsync(request)).Changes.ToList();

    private static async Task<Company> AsOf(HistoryScenario s, Timestamp time) =>
        await s.Tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = s.Created.Id, AsOfTime = time });

    /// <summary>The people of <see cref="HistoryScenario.Staffed"/> the request asks for.</summary>
    private static async Task<List<Person>> People(HistoryScenario s, ListPeopleRequest request)
    {
        request.CompanyId = s.Staffed.Id;
        return (await s.Tenant.People.ListPeopleAsync(request)).People.ToList();
    }

    /// <summary>The projects of <see cref="HistoryScenario.Staffed"/> the request asks for.</summary>
    private static async Task<List<Project>> Projects(HistoryScenario s, ListProjectsRequest request)
    {
        request.CompanyId = s.Staffed.Id;
        return (await s.Tenant.Projects.ListProjectsAsync(request)).Projects.ToList();
    }
}
