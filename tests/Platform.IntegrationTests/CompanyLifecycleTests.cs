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
    public async Task UpdateWithMask_ChangesOnlyTheNamedFields_AndReachesSegmentation()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Old Name AB", industryCode: "111111");

        var response = await tenant.Rest.PatchAsJsonAsync(
            $"/v1/companies/{company.Id}?updateMask=industry,accountOwner",
            new { name = "Ignored, not in the mask", industry = new { code = "222222", label = "New industry" }, accountOwner = "maria@seller.example" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("Old Name AB", (string)updated["name"]!);
        Assert.Equal("222222", (string)updated["industry"]!["code"]!);
        Assert.Equal("maria@seller.example", (string)updated["accountOwner"]!);
        Assert.NotEqual(company.Etag, (string)updated["etag"]!);

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
    public async Task UpdateWithBadMaskOrValues_IsInvalidArgument_AndChangesNothing()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Valid AB" } });

        var badPath = await Assert.ThrowsAsync<RpcException>(() => tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, Name = "x" },
            UpdateMask = new FieldMask { Paths = { "create_time", "no_such_field" } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badPath.StatusCode);
        Assert.Equal(2, badPath.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Count);

        var badValues = await Assert.ThrowsAsync<RpcException>(() => tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, Name = "", Email = "not-an-email" },
            UpdateMask = FieldMask.FromString("name,email"),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badValues.StatusCode);
        Assert.Equal(["company.name", "company.email"], badValues.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));

        var unchanged = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = company.Id });
        Assert.Equal(company.Etag, unchanged.Etag);
    }

    [Fact]
    public async Task DeletedCompany_LeavesLists_AndComesBackWhenUndeleted()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Gone Soon AB");

        Assert.Equal(HttpStatusCode.OK, (await tenant.Rest.DeleteAsync($"/v1/companies/{company.Id}")).StatusCode);

        var deleted = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = company.Id });
        Assert.NotNull(deleted.DeleteTime);
        Assert.True(deleted.PurgeTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(29));
        Assert.DoesNotContain((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies, c => c.Id == company.Id);
        Assert.Contains((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest { ShowDeleted = true })).Companies, c => c.Id == company.Id);
        await Eventually.True(
            async () => !(await tenant.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest())).Clients.Any(c => c.CompanyId == company.Id),
            "the deletion to take the company out of Segmentation's lists");

        var updateDeleted = await Assert.ThrowsAsync<RpcException>(() =>
            tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest { Company = new Company { Id = company.Id, Name = "Zombie" } }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, updateDeleted.StatusCode);

        var restored = await tenant.Companies.UndeleteCompanyAsync(new UndeleteCompanyRequest { Id = company.Id });
        Assert.Null(restored.DeleteTime);
        Assert.Contains((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies, c => c.Id == company.Id);
        await Eventually.True(
            async () => (await tenant.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest())).Clients.Any(c => c.CompanyId == company.Id),
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
    public async Task List_FiltersByStageOwnerTagCountryAndUpdateTime()
    {
        using var tenant = await platform.NewTenant();
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

        async Task<IEnumerable<string>> Names(ListCompaniesRequest request) =>
            (await tenant.Companies.ListCompaniesAsync(request)).Companies.Select(c => c.Name);

        Assert.Equal(["Match AB"], await Names(new ListCompaniesRequest { LifecycleStage = LifecycleStage.Customer }));
        Assert.Equal(["Match AB"], await Names(new ListCompaniesRequest { AccountOwner = "erik" }));
        Assert.Equal(["Match AB"], await Names(new ListCompaniesRequest { Tag = "key-account" }));
        Assert.Equal(["Match AB"], await Names(new ListCompaniesRequest { CountryCode = "SE" }));
        Assert.Equal(["Other Oy"], await Names(new ListCompaniesRequest { CountryCode = "fi", LifecycleStage = LifecycleStage.Prospect }));
        Assert.Empty(await Names(new ListCompaniesRequest { UpdatedSince = Timestamp.FromDateTimeOffset(match.UpdateTime.ToDateTimeOffset().AddHours(1)) }));
        Assert.Equal(2, (await Names(new ListCompaniesRequest { UpdatedSince = match.CreateTime })).Count());
    }
}
