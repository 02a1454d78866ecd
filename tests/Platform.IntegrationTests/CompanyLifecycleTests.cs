using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Changing, deleting and restoring a company, and finding companies by what they are.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompanyLifecycleTests(PlatformFixture platform)
{
    [Fact]
    public async Task UpdateWithMask_ChangesOnlyTheNamedFields()
    {
        using var tenant = await platform.NewTenant();
        var company = await Create(tenant, "Old Name AB", industryCode: "111111");

        var updated = await PatchIndustryAndOwner(tenant, company);

        Assert.Equal("Old Name AB", (string)updated["name"]!);
        Assert.Equal("222222", (string)updated["industry"]!["code"]!);
        Assert.Equal("maria@seller.example", (string)updated["accountOwner"]!);
    }

    [Fact]
    public async Task Update_GivesTheCompanyANewEtag()
    {
        using var tenant = await platform.NewTenant();
        var company = await Create(tenant, "Old Name AB", industryCode: "111111");

        var updated = await PatchIndustryAndOwner(tenant, company);

        Assert.NotEqual(company.Etag, (string)updated["etag"]!);
    }

    [Fact]
    public async Task Update_ReachesSegmentation()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Old Name AB", industryCode: "111111");

        await PatchIndustryAndOwner(tenant, company);

        await Eventually.True(
            async () => (await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = company.Id })).IndustryCode == "222222",
            "the industry change to reach Segmentation");
    }

    [Fact]
    public async Task UpdateWithoutMask_ChangesTheFieldsTheRequestSets()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Keep AB", Phone = "+46 8 123 456" } });

        var updated = await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest { Company = new Company { Id = company.Id, EmployeeCount = 120 } });

        Assert.Equal(120, updated.EmployeeCount);
        Assert.Equal("Keep AB", updated.Name);
        Assert.Equal("+46 8 123 456", updated.Phone);
    }

    [Fact]
    public async Task UpdateWithStaleEtag_IsRefused_412OverRest_FailedPreconditionOverGrpc()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Etag AB" } });
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, Name = "Etag AB (renamed)", Etag = company.Etag },
            UpdateMask = FieldMask.FromString("name"),
        });

        var grpc = await Assert.ThrowsAsync<RpcException>(() => tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, Name = "Lost update", Etag = company.Etag },
            UpdateMask = FieldMask.FromString("name"),
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, grpc.StatusCode);

        var rest = await tenant.Rest.PatchAsJsonAsync($"/v1/companies/{company.Id}?updateMask=name", new { name = "Lost update", etag = company.Etag });
        Assert.Equal(HttpStatusCode.PreconditionFailed, rest.StatusCode);

        Assert.Equal("Etag AB (renamed)", (await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = company.Id })).Name);
    }

    [Fact]
    public async Task UpdateWithBadMaskPaths_IsInvalidArgument_WithAViolationEach()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Valid AB" } });

        var badPath = await Assert.ThrowsAsync<RpcException>(() => UpdateWithBadMaskPaths(tenant, company));

        Assert.Equal(StatusCode.InvalidArgument, badPath.StatusCode);
        Assert.Equal(2, badPath.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Count);
    }

    [Fact]
    public async Task UpdateWithBadValues_IsInvalidArgument_WithEveryViolation()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Valid AB" } });

        var badValues = await Assert.ThrowsAsync<RpcException>(() => UpdateWithBadValues(tenant, company));

        Assert.Equal(StatusCode.InvalidArgument, badValues.StatusCode);
        Assert.Equal(["company.name", "company.email"], badValues.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task RefusedUpdates_ChangeNothing()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Valid AB" } });

        await Assert.ThrowsAsync<RpcException>(() => UpdateWithBadMaskPaths(tenant, company));
        await Assert.ThrowsAsync<RpcException>(() => UpdateWithBadValues(tenant, company));

        var unchanged = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = company.Id });
        Assert.Equal(company.Etag, unchanged.Etag);
    }

    [Fact]
    public async Task DeleteOverRest_MarksTheCompanyDeleted()
    {
        var s = await DeletionScenario.Of(platform);

        var deleted = await s.Tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = s.Deleted.Id });

        Assert.Equal(HttpStatusCode.OK, s.DeleteOverRest);
        Assert.NotNull(deleted.DeleteTime);
    }

    [Fact]
    public async Task DeletedCompany_IsPurgedNoSoonerThanThirtyDaysLater()
    {
        var s = await DeletionScenario.Of(platform);

        var deleted = await s.Tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = s.Deleted.Id });

        Assert.True(deleted.PurgeTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(29));
    }

    [Fact]
    public async Task DeletedCompany_IsListedOnlyWhenTheDeletedAreShown()
    {
        var s = await DeletionScenario.Of(platform);

        Assert.DoesNotContain((await s.Tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies, c => c.Id == s.Deleted.Id);
        Assert.Contains((await s.Tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest { ShowDeleted = true })).Companies, c => c.Id == s.Deleted.Id);
    }

    [Fact]
    public async Task DeletedCompany_LeavesSegmentationsLists()
    {
        var s = await DeletionScenario.Of(platform);

        await Eventually.True(
            async () => !(await s.Tenant.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest())).Clients.Any(c => c.CompanyId == s.Deleted.Id),
            "the deletion to take the company out of Segmentation's lists");
    }

    [Fact]
    public async Task UpdateOfADeletedCompany_IsFailedPrecondition()
    {
        var s = await DeletionScenario.Of(platform);

        var updateDeleted = await Assert.ThrowsAsync<RpcException>(() =>
            s.Tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest { Company = new Company { Id = s.Deleted.Id, Name = "Zombie" } }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, updateDeleted.StatusCode);
    }

    [Fact]
    public async Task UndeletedCompany_IsNoLongerDeleted()
    {
        var s = await DeletionScenario.Of(platform);

        Assert.Null(s.Undeleted.DeleteTime);
    }

    [Fact]
    public async Task UndeletedCompany_IsListedAgain()
    {
        var s = await DeletionScenario.Of(platform);

        Assert.Contains((await s.Tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies, c => c.Id == s.Restored.Id);
    }

    [Fact]
    public async Task UndeletedCompany_ComesBackToSegmentationsLists()
    {
        var s = await DeletionScenario.Of(platform);

        await Eventually.True(
            async () => (await s.Tenant.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest())).Clients.Any(c => c.CompanyId == s.Restored.Id),
            "the restore to bring the company back to Segmentation's lists");
    }

    [Fact]
    public async Task AnotherTenantsCompany_IsNotFound_ForUpdateDeleteAndUndelete()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var company = await a.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "A's" } });

        foreach (var call in new Func<Task>[]
        {
            () => b.Companies.UpdateCompanyAsync(new UpdateCompanyRequest { Company = new Company { Id = company.Id, Name = "B was here" } }).ResponseAsync,
            () => b.Companies.DeleteCompanyAsync(new DeleteCompanyRequest { Id = company.Id }).ResponseAsync,
            () => b.Companies.UndeleteCompanyAsync(new UndeleteCompanyRequest { Id = company.Id }).ResponseAsync,
        })
        {
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await b.Rest.DeleteAsync($"/v1/companies/{company.Id}")).StatusCode);
        Assert.Equal("A's", (await a.Companies.GetCompanyAsync(new GetCompanyRequest { Id = company.Id })).Name);
    }

    [Fact]
    public async Task List_FiltersByLifecycleStage()
    {
        using var tenant = await platform.NewTenant();
        await ArrangeMatchAndOther(tenant);

        Assert.Equal(["Match AB"], await Names(tenant, new ListCompaniesRequest { LifecycleStage = LifecycleStage.Customer }));
    }

    [Fact]
    public async Task List_FiltersByAccountOwner()
    {
        using var tenant = await platform.NewTenant();
        await ArrangeMatchAndOther(tenant);

        Assert.Equal(["Match AB"], await Names(tenant, new ListCompaniesRequest { AccountOwner = "erik" }));
    }

    [Fact]
    public async Task List_FiltersByTag_IgnoringCase()
    {
        using var tenant = await platform.NewTenant();
        await ArrangeMatchAndOther(tenant);

        Assert.Equal(["Match AB"], await Names(tenant, new ListCompaniesRequest { Tag = "key-account" }));
    }

    [Fact]
    public async Task List_FiltersByCountry_IgnoringCase()
    {
        using var tenant = await platform.NewTenant();
        await ArrangeMatchAndOther(tenant);

        Assert.Equal(["Match AB"], await Names(tenant, new ListCompaniesRequest { CountryCode = "SE" }));
        Assert.Equal(["Other Oy"], await Names(tenant, new ListCompaniesRequest { CountryCode = "fi", LifecycleStage = LifecycleStage.Prospect }));
    }

    [Fact]
    public async Task List_FiltersByUpdateTime()
    {
        using var tenant = await platform.NewTenant();
        var match = await ArrangeMatchAndOther(tenant);

        Assert.Empty(await Names(tenant, new ListCompaniesRequest { UpdatedSince = Timestamp.FromDateTimeOffset(match.UpdateTime.ToDateTimeOffset().AddHours(1)) }));
        Assert.Equal(2, (await Names(tenant, new ListCompaniesRequest { UpdatedSince = match.CreateTime })).Count());
    }

    /// <summary>"Match AB", a Swedish customer of erik's tagged Key-Account; "Other Oy", a Finnish prospect of anna's.</summary>
    private static async Task<Company> ArrangeMatchAndOther(TenantClient tenant)
    {
        var match = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company
            {
                Name = "Match AB",
                LifecycleStage = LifecycleStage.Customer,
                AccountOwner = "erik",
                Tags = { "Key-Account" },
                Headquarters = new Address { CountryCode = "se" },
            },
        });
        await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "Other Oy", LifecycleStage = LifecycleStage.Prospect, AccountOwner = "anna", Headquarters = new Address { CountryCode = "FI" } },
        });
        return match;
    }

    private static async Task<IEnumerable<string>> Names(TenantClient tenant, ListCompaniesRequest request) =>
        (await tenant.Companies.ListCompaniesAsync(request)).Companies.Select(c => c.Name);

    private static async Task<Company> Create(TenantClient tenant, string name, string industryCode) =>
        await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = name, Industry = new Industry { Code = industryCode }, EmployeeCount = 25 },
        });

    /// <summary>PATCHes industry and account owner over REST with a name outside the mask; answers the company as updated.</summary>
    private static async Task<JsonNode> PatchIndustryAndOwner(TenantClient tenant, Company company)
    {
        var response = await tenant.Rest.PatchAsJsonAsync(
            $"/v1/companies/{company.Id}?updateMask=industry,accountOwner",
            new { name = "Ignored, not in the mask", industry = new { code = "222222", label = "New industry" }, accountOwner = "maria@seller.example" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static Task<Company> UpdateWithBadMaskPaths(TenantClient tenant, Company company) =>
        tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, Name = "x" },
            UpdateMask = new FieldMask { Paths = { "create_time", "no_such_field" } },
        }).ResponseAsync;

    private static Task<Company> UpdateWithBadValues(TenantClient tenant, Company company) =>
        tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, Name = "", Email = "not-an-email" },
            UpdateMask = FieldMask.FromString("name,email"),
        }).ResponseAsync;
}
