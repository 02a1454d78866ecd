using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>One real slice through the gateway and all four services, for two tenants.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SliceTests(PlatformFixture platform)
{
    /// <summary>What an invalid company below is refused for, in this order over REST and gRPC alike.</summary>
    private static readonly string[] InvalidCompanyFields = ["company.name", "company.website", "company.email", "company.headquarters.country_code"];

    [Fact]
    public async Task CompanyCreatedOverRest_IsReadOverRest_WithTheDomainOfItsWebsite()
    {
        using var tenant = await platform.NewTenant();
        var id = await CreateOverRest(tenant);

        var overRest = JsonNode.Parse(await tenant.Rest.GetStringAsync($"/v1/companies/{id}"))!;

        Assert.Equal("Nordic Timber AB", (string)overRest["name"]!);
        Assert.Equal("nordictimber.se", (string)overRest["domain"]!);
    }

    [Fact]
    public async Task CompanyCreatedOverRest_IsReadOverGrpc()
    {
        using var tenant = await platform.NewTenant();
        var id = await CreateOverRest(tenant);

        var overGrpc = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = id });

        Assert.Equal("Nordic Timber AB", overGrpc.Name);
    }

    [Fact]
    public async Task CompanyCreatedOverRest_IsNotFoundForAnotherTenant()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var id = await CreateOverRest(a);

        Assert.Equal(HttpStatusCode.NotFound, (await b.Rest.GetAsync($"/v1/companies/{id}")).StatusCode);
        var grpcError = await Assert.ThrowsAsync<RpcException>(() => b.Companies.GetCompanyAsync(new GetCompanyRequest { Id = id }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, grpcError.StatusCode);
        Assert.DoesNotContain((await b.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies, c => c.Id == id);
    }

    [Fact]
    public async Task Companies_AreListedInPages_WithACursor()
    {
        using var tenant = await platform.NewTenant();
        var ids = await CreateThree(tenant);

        var first = await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest { PageSize = 2 });
        var second = await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest { PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(ids, first.Companies.Concat(second.Companies).Select(c => c.Id));
        Assert.NotEmpty(first.NextPageToken);
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task Companies_AreListedForTheirTenantOnly()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        await CreateThree(a);

        Assert.Empty((await b.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task NoteAndInvoice_ReachSegmentation()
    {
        var s = await SliceScenario.Of(platform);

        await FactsWithTheNoteAndTheInvoice(s);
    }

    [Fact]
    public async Task SegmentationFacts_CarryTheCompanysNameAndIndustry()
    {
        var s = await SliceScenario.Of(platform);

        var facts = await FactsWithTheNoteAndTheInvoice(s);

        Assert.Equal("Baltic Freight", facts.Name);
        Assert.Equal("541511", facts.IndustryCode);
    }

    [Fact]
    public async Task SegmentationFacts_TotalWhatWasInvoiced()
    {
        var s = await SliceScenario.Of(platform);

        var facts = await FactsWithTheNoteAndTheInvoice(s);

        Assert.Equal(SliceScenario.InvoiceAmount, Assert.Single(facts.InvoicedTotals));
    }

    [Fact]
    public async Task NoteRecordedOverRest_IsOnTheCompanysTimeline()
    {
        var s = await SliceScenario.Of(platform);

        var timeline = await s.A.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = s.Company.Id });

        Assert.Equal(HttpStatusCode.OK, s.NoteOverRest);
        Assert.Equal(SliceScenario.NoteBody, Assert.Single(timeline.Interactions).Body);
    }

    [Fact]
    public async Task SegmentationList_FiltersByIndustry()
    {
        var s = await SliceScenario.Of(platform);

        var listed = await s.A.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest { IndustryCode = "541511" });

        Assert.Contains(listed.Clients, c => c.CompanyId == s.Company.Id);
    }

    [Fact]
    public async Task AnotherTenantsCompanyFacts_AreNotFound()
    {
        var s = await SliceScenario.Of(platform);
        await FactsWithTheNoteAndTheInvoice(s);

        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            s.B.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = s.Company.Id }).ResponseAsync)).StatusCode);
        Assert.Empty((await s.B.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest())).Clients);
    }

    [Fact]
    public async Task AnotherTenantsCompanyInteractions_AreNotFound()
    {
        var s = await SliceScenario.Of(platform);

        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            s.B.Interactions.RecordInteractionAsync(new RecordInteractionRequest
            {
                CompanyId = s.Company.Id,
                Interaction = new Interaction { Kind = InteractionKind.Note, Body = "Reading another tenant's client" },
            }).ResponseAsync)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.B.Rest.GetAsync($"/v1/companies/{s.Company.Id}/interactions")).StatusCode);
    }

    [Fact]
    public async Task InvalidCompanyOverRest_IsBadRequest_NamingEveryField()
    {
        using var tenant = await platform.NewTenant();

        var rest = await tenant.Rest.PostAsJsonAsync("/v1/companies", new { name = "", website = "not a url", email = "nobody", headquarters = new { countryCode = "SWE" } });

        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        var body = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!;
        Assert.Equal(InvalidCompanyFields, body["details"]![0]!["fieldViolations"]!.AsArray().Select(v => (string)v!["field"]!));
        Assert.Empty((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task InvalidCompanyOverGrpc_IsInvalidArgument_NamingEveryField()
    {
        using var tenant = await platform.NewTenant();

        var grpc = await Assert.ThrowsAsync<RpcException>(() => tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "", Website = "not a url", Email = "nobody", Headquarters = new Address { CountryCode = "SWE" } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, grpc.StatusCode);
        Assert.Equal(InvalidCompanyFields, grpc.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Empty((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    private static async Task<string> CreateOverRest(TenantClient tenant)
    {
        var created = await tenant.Rest.PostAsJsonAsync("/v1/companies", new { name = "Nordic Timber AB", website = "https://www.nordictimber.se", industry = new { code = "113310", label = "Logging" } });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
    }

    private static async Task<List<string>> CreateThree(TenantClient tenant)
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = $"Company {i}" } })).Id);
        }

        return ids;
    }

    /// <summary>Waits until Segmentation has counted the scenario's note and invoice; answers its facts then.</summary>
    private static Task<CompanyFacts> FactsWithTheNoteAndTheInvoice(SliceScenario s) => Eventually.Get(async () =>
    {
        var f = await s.A.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = s.Company.Id });
        return f.InteractionCount == 1 && f.InvoiceCount == 1 ? f : null;
    }, "the note and the invoice to reach Segmentation");
}
