using System.Net;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Every change kept: who changed what and when, and the company as it stood on a given day.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompanyHistoryTests(PlatformFixture platform)
{
    [Fact]
    public async Task Changes_AreListedNewestFirst_WithWhoWhenAndOldAndNewValues()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "History AB", AccountOwner = "anna", Industry = new Industry { Code = "111" } },
        });
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, AccountOwner = "erik" },
            UpdateMask = FieldMask.FromString("account_owner"),
        });
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, Industry = new Industry { Code = "222" }, Tags = { "vip" } },
            UpdateMask = FieldMask.FromString("industry,tags"),
        });
        await tenant.Companies.DeleteCompanyAsync(new DeleteCompanyRequest { Id = company.Id });

        var all = (await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = company.Id })).Changes;
        Assert.Equal(4, all.Count);
        Assert.Equal("delete_time", all[0].Field);
        Assert.Equal(["industry", "tags"], all.Skip(1).Take(2).Select(c => c.Field).Order());
        Assert.Equal("account_owner", all[3].Field);
        Assert.All(all, change => Assert.Equal($"api-key:{tenant.KeyId}", change.Actor));

        var owner = Assert.Single((await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = company.Id, Fields = { "account_owner" } })).Changes);
        Assert.Equal("anna", owner.Before.AccountOwner);
        Assert.Equal("erik", owner.After.AccountOwner);

        var overRest = JsonNode.Parse(await tenant.Rest.GetStringAsync($"/v1/companies/{company.Id}/changes?fields=industry"))!["changes"]!.AsArray();
        var industry = Assert.Single(overRest)!;
        Assert.Equal("111", (string)industry["before"]!["industry"]!["code"]!);
        Assert.Equal("222", (string)industry["after"]!["industry"]!["code"]!);

        var untilNow = await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = company.Id, Until = owner.ChangeTime });
        Assert.Empty(untilNow.Changes);
    }

    [Fact]
    public async Task CompanyAsOfATime_IsTheCompanyAsItStoodThen()
    {
        using var tenant = await platform.NewTenant();
        var created = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Before AB", AccountOwner = "anna" } });
        var renamed = await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = created.Id, Name = "After AB", AccountOwner = "erik" },
            UpdateMask = FieldMask.FromString("name,account_owner"),
        });
        await tenant.Companies.DeleteCompanyAsync(new DeleteCompanyRequest { Id = created.Id });

        var atCreation = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = created.Id, AsOfTime = created.UpdateTime });
        Assert.Equal("Before AB", atCreation.Name);
        Assert.Equal("anna", atCreation.AccountOwner);
        Assert.Null(atCreation.DeleteTime);
        Assert.Empty(atCreation.Etag);

        var afterRename = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = created.Id, AsOfTime = renamed.UpdateTime });
        Assert.Equal("After AB", afterRename.Name);
        Assert.Null(afterRename.DeleteTime);

        var now = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = created.Id });
        Assert.NotNull(now.DeleteTime);

        var beforeItExisted = Timestamp.FromDateTimeOffset(created.CreateTime.ToDateTimeOffset().AddSeconds(-1));
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = created.Id, AsOfTime = beforeItExisted }).ResponseAsync);
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
    public async Task PeopleAndProjects_CanBeReadAsTheyStood()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Then AB" } });
        var anna = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = company.Id, Person = new Person { GivenName = "Anna", Title = "CFO" } });
        var carl = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = company.Id, Person = new Person { GivenName = "Carl" } });
        var deal = await tenant.Projects.CreateProjectAsync(new CreateProjectRequest { CompanyId = company.Id, Project = new Project { Name = "ERP", Stage = ProjectStage.Planning } });
        await Task.Delay(100);
        var then = Timestamp.FromDateTime(DateTime.UtcNow);
        await Task.Delay(100);

        var bo = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = company.Id, Person = new Person { GivenName = "Bo" } });
        var today = DateTime.UtcNow;
        await tenant.People.UpdatePersonAsync(new UpdatePersonRequest
        {
            Person = new Person
            {
                Id = anna.Id,
                Title = "CEO",
                Roles = { new RoleHolding { Role = PersonRole.KeyOfficer, StartDate = new Contracts.Common.V1.Date { Year = today.Year, Month = today.Month, Day = today.Day } } },
            },
            UpdateMask = FieldMask.FromString("title,roles"),
        });
        await tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = carl.Id });
        await tenant.Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = deal.Id, Stage = ProjectStage.Won }, UpdateMask = FieldMask.FromString("stage") });

        var people = (await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id, AsOfTime = then })).People;
        Assert.Equal([anna.Id, carl.Id], people.Select(p => p.Id));
        Assert.Equal("CFO", people[0].Title);
        Assert.Equal("", people[0].Etag);
        Assert.Null(people[1].LeftDate);
        Assert.Empty((await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id, Role = PersonRole.KeyOfficer, AsOfTime = then })).People);
        Assert.Equal([anna.Id], (await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id, Role = PersonRole.KeyOfficer })).People.Select(p => p.Id));
        Assert.Equal([anna.Id, bo.Id], (await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id })).People.Select(p => p.Id));
        Assert.Equal("CFO", (await tenant.People.GetPersonAsync(new GetPersonRequest { Id = anna.Id, AsOfTime = then })).Title);
        var notYet = await Assert.ThrowsAsync<RpcException>(() => tenant.People.GetPersonAsync(new GetPersonRequest { Id = bo.Id, AsOfTime = then }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notYet.StatusCode);

        var pastDeal = await tenant.Projects.GetProjectAsync(new GetProjectRequest { Id = deal.Id, AsOfTime = then });
        Assert.Equal(ProjectStage.Planning, pastDeal.Stage);
        Assert.Equal(deal.StageTime.ToDateTime(), pastDeal.StageTime.ToDateTime(), TimeSpan.FromMilliseconds(1)); // stored to the microsecond
        Assert.Equal([deal.Id], (await tenant.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = company.Id, Stage = ProjectStage.Planning, AsOfTime = then })).Projects.Select(p => p.Id));
        Assert.Empty((await tenant.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = company.Id, Stage = ProjectStage.Planning })).Projects);
        var mixed = await Assert.ThrowsAsync<RpcException>(() => tenant.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = company.Id, StalledForDays = 30, AsOfTime = then }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, mixed.StatusCode);
    }
}
