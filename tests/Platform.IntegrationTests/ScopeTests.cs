using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>The scope each method declares in its contract, enforced at the gateway over REST and gRPC alike.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ScopeTests(PlatformFixture platform)
{
    private async Task<TenantClient> KeyWith(TenantClient tenant, params string[] scopes)
    {
        var (keyId, secret) = await platform.Admin.CreateScopedApiKey(tenant.TenantId, scopes);
        return new TenantClient(tenant.TenantId, keyId, secret, platform.GatewayRest, platform.GatewayGrpc);
    }

    [Fact]
    public async Task ReadOnlyKey_IsRefusedOnRestWrites_WithScopeMissing()
    {
        using var tenant = await platform.NewTenant();
        using var reader = await KeyWith(tenant, "crm.read");

        var response = await reader.Rest.PostAsJsonAsync("/v1/companies", new { name = "Not allowed AB" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(7, (int)status["code"]!);
        var info = status["details"]!.AsArray().Single(d => ((string)d!["@type"]!).EndsWith("google.rpc.ErrorInfo", StringComparison.Ordinal))!;
        Assert.Equal("SCOPE_MISSING", (string)info["reason"]!);
        Assert.Equal("crm.write", (string)info["metadata"]!["required_scope"]!);
    }

    [Fact]
    public async Task ReadOnlyKey_IsRefusedOnGrpcWrites()
    {
        using var tenant = await platform.NewTenant();
        using var reader = await KeyWith(tenant, "crm.read");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            reader.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Not allowed AB" } }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task ReadOnlyKey_IsRefusedOnEveryKindOfWrite_AndWritesNothing()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Kept As Is AB" } });
        using var reader = await KeyWith(tenant, "crm.read");

        var writes = new (HttpMethod Verb, string Path)[]
        {
            (HttpMethod.Patch, $"/v1/companies/{company.Id}"),
            (HttpMethod.Delete, $"/v1/companies/{company.Id}"),
            (HttpMethod.Post, $"/v1/companies/{company.Id}:markReviewed"),
            (HttpMethod.Post, "/v1/merges"),
            (HttpMethod.Put, "/v1/custom-field-schema"),
            (HttpMethod.Post, $"/v1/companies/{company.Id}/interactions"),
            (HttpMethod.Post, "/v1/invoices"),
        };
        foreach (var (verb, path) in writes)
        {
            using var request = new HttpRequestMessage(verb, path) { Content = JsonContent.Create(new { }) };
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.Rest.SendAsync(request)).StatusCode);
        }

        using var import = new HttpRequestMessage(HttpMethod.Post, "/v1/companies:import")
        {
            Content = new StringContent("external_id,name\nERP-1,Imported AB\n", System.Text.Encoding.UTF8, "text/csv"),
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Rest.SendAsync(import)).StatusCode);

        var unchanged = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = company.Id });
        Assert.Equal(company.Etag, unchanged.Etag);
    }

    [Fact]
    public async Task ReadOnlyKey_ReadsOverRestAndGrpc()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Readable AB" } });
        using var reader = await KeyWith(tenant, "crm.read");

        Assert.Equal(HttpStatusCode.OK, (await reader.Rest.GetAsync($"/v1/companies/{company.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.Rest.PostAsJsonAsync("/v1/companies:search", new { query = "readable" })).StatusCode);
        Assert.Equal(company.Id, (await reader.Companies.GetCompanyAsync(new GetCompanyRequest { Id = company.Id })).Id);
        await reader.Billing.ListInvoicesAsync(new ListInvoicesRequest());
    }

    [Fact]
    public async Task WriteOnlyKey_IsRefusedOnReads()
    {
        using var tenant = await platform.NewTenant();
        using var writer = await KeyWith(tenant, "crm.write");

        Assert.Equal(HttpStatusCode.OK, (await writer.Rest.PostAsJsonAsync("/v1/companies", new { name = "Written AB" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Rest.GetAsync("/v1/companies")).StatusCode);
        var error = await Assert.ThrowsAsync<RpcException>(() => writer.Companies.ListCompaniesAsync(new ListCompaniesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task UnknownRestPath_IsNotFound_InTheStatusShape()
    {
        using var tenant = await platform.NewTenant();

        var response = await tenant.Rest.GetAsync("/v1/companies/abc/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(5, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!);
    }

    [Fact]
    public async Task CreatingAKey_WithAnUnknownScope_IsInvalid()
    {
        using var tenant = await platform.NewTenant();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => platform.Admin.CreateScopedApiKey(tenant.TenantId, "crm.superuser"));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }
}
