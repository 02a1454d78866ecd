using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>A client that retries after a timeout must not create the company twice.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IdempotencyTests(PlatformFixture platform)
{
    [Fact]
    public async Task RetryWithTheSameKey_ReturnsTheOriginalCompany_AndCreatesNoSecond()
    {
        using var tenant = await platform.NewTenant();
        var request = new CreateCompanyRequest { Company = new Company { Name = "Once Only AB" }, RequestId = Guid.NewGuid().ToString() };

        var first = await tenant.Companies.CreateCompanyAsync(request);
        var retry = await tenant.Companies.CreateCompanyAsync(request);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => tenant.Companies.CreateCompanyAsync(request).ResponseAsync));

        Assert.Equal(first.Id, retry.Id);
        Assert.All(concurrent, c => Assert.Equal(first.Id, c.Id));
        Assert.Single((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task SameKeyWithADifferentCompany_IsRefused()
    {
        using var tenant = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();
        await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "First AB" }, RequestId = key });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Second AB" }, RequestId = key }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("request_id", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.Single((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task RetryOverRestWithTheSameKey_ReturnsTheOriginalCompany()
    {
        using var tenant = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();

        var first = await CreateOverRest(tenant, key);
        var retry = await CreateOverRest(tenant, key);

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task KeyUsedByAnotherTenant_CreatesACompanyOfItsOwn()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();

        var ours = await CreateOverRest(a, key);
        var theirs = await CreateOverRest(b, key);

        Assert.NotEqual(ours, theirs);
    }

    private static async Task<string> CreateOverRest(TenantClient tenant, string key)
    {
        var response = await tenant.Rest.PostAsJsonAsync($"/v1/companies?requestId={key}", new { name = "Shared Key AB" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }
}
