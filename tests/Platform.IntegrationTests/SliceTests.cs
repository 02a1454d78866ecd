using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Billing.V1;
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
    [Fact]
    public async Task CompanyCreatedOverRest_IsVisibleToItsTenantOverRestAndGrpc_AndNotFoundForAnother()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();

        var created = await a.Rest.PostAsJsonAsync("/v1/companies", new { name = "Nordic Timber AB", website = "https://www.nordictimber.se", industry = new { code = "113310", label = "Logging" } });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;

        var overRest = JsonNode.Parse(await a.Rest.GetStringAsync($"/v1/companies/{id}"))!;
        Assert.Equal("Nordic Timber AB", (string)overRest["name"]!);
        Assert.Equal("nordictimber.se", (string)overRest["domain"]!);
        var overGrpc = await a.Companies.GetCompanyAsync(new GetCompanyRequest { Id = id });
        Assert.Equal("Nordic Timber AB", overGrpc.Name);

        Assert.Equal(HttpStatusCode.NotFound, (await b.Rest.GetAsync($"/v1/companies/{id}")).StatusCode);
        var grpcError = await Assert.ThrowsAsync<RpcException>(() => b.Companies.GetCompanyAsync(new GetCompanyRequest { Id = id }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, grpcError.StatusCode);

        var bList = await b.Companies.ListCompaniesAsync(new ListCompaniesRequest());
        Assert.DoesNotContain(bList.Companies, c => c.Id == id);
    }

    [Fact]
    public async Task CompanyCreatedOverGrpc_IsListedForItsTenantOnly_WithCursorPaging()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await a.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = $"Company {i}" } })).Id);
        }

        var first = await a.Companies.ListCompaniesAsync(new ListCompaniesRequest { PageSize = 2 });
        var second = await a.Companies.ListCompaniesAsync(new ListCompaniesRequest { PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(ids, first.Companies.Concat(second.Companies).Select(c => c.Id));
        Assert.NotEmpty(first.NextPageToken);
        Assert.Empty(second.NextPageToken);
        Assert.Empty((await b.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task NoteAndInvoice_ReachSegmentation_InTheirTenantOnly()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var company = await a.CreateCompanyKnownEverywhere("Baltic Freight");

        var note = await a.Rest.PostAsJsonAsync($"/v1/companies/{company.Id}/interactions", new { kind = "INTERACTION_KIND_NOTE", body = "Asked for a quote on Q3 volumes." });
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        await a.Billing.CreateInvoiceAsync(new CreateInvoiceRequest
        {
            Invoice = new Invoice
            {
                CompanyId = company.Id,
                Number = "INV-1001",
                Amount = new Money { CurrencyCode = "EUR", Units = 1250, Nanos = 500_000_000 },
                IssueDate = new Date { Year = 2026, Month = 11, Day = 1 },
                DueDate = new Date { Year = 2026, Month = 12, Day = 1 },
            },
        });

        var facts = await Eventually.Get(async () =>
        {
            var f = await a.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = company.Id });
            return f.InteractionCount == 1 && f.InvoiceCount == 1 ? f : null;
        }, "the note and the invoice to reach Segmentation");
        Assert.Equal("Baltic Freight", facts.Name);
        Assert.Equal("541511", facts.IndustryCode);
        Assert.Equal(new Money { CurrencyCode = "EUR", Units = 1250, Nanos = 500_000_000 }, Assert.Single(facts.InvoicedTotals));

        var timeline = await a.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = company.Id });
        Assert.Equal("Asked for a quote on Q3 volumes.", Assert.Single(timeline.Interactions).Body);

        var listed = await a.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest { IndustryCode = "541511" });
        Assert.Contains(listed.Clients, c => c.CompanyId == company.Id);

        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            b.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = company.Id }).ResponseAsync)).StatusCode);
        Assert.Empty((await b.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest())).Clients);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            b.Interactions.RecordInteractionAsync(new RecordInteractionRequest
            {
                CompanyId = company.Id,
                Interaction = new Interaction { Kind = InteractionKind.Note, Body = "Reading another tenant's client" },
            }).ResponseAsync)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Rest.GetAsync($"/v1/companies/{company.Id}/interactions")).StatusCode);
    }

    [Fact]
    public async Task InvalidCompany_IsRefusedWithEveryFieldViolation_OverRestAndGrpc()
    {
        using var a = await platform.NewTenant();

        var rest = await a.Rest.PostAsJsonAsync("/v1/companies", new { name = "", website = "not a url", email = "nobody", headquarters = new { countryCode = "SWE" } });
        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        var body = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!;
        var restFields = body["details"]![0]!["fieldViolations"]!.AsArray().Select(v => (string)v!["field"]!).ToList();
        Assert.Equal(["company.name", "company.website", "company.email", "company.headquarters.country_code"], restFields);

        var grpc = await Assert.ThrowsAsync<RpcException>(() => a.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "", Website = "not a url", Email = "nobody", Headquarters = new Address { CountryCode = "SWE" } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, grpc.StatusCode);
        var badRequest = grpc.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>();
        Assert.Equal(restFields, badRequest.FieldViolations.Select(v => v.Field));

        Assert.Empty((await a.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }
}
