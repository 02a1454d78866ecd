using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace CrmPlatform.IntegrationTests;

/// <summary>Who gets in, and as whom: at the gateway and at the services behind it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthTests(PlatformFixture platform)
{
    [Fact]
    public async Task RequestWithoutKey_IsUnauthenticated()
    {
        using var rest = new HttpClient { BaseAddress = platform.GatewayRest };
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/v1/companies")).StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, await GrpcStatus(platform.GatewayGrpc, apiKey: null));
    }

    [Fact]
    public async Task RequestWithUnknownKey_IsUnauthenticated()
    {
        const string madeUp = "crm_deadbeef_thisKeyWasNeverIssuedByTheGatewayAtAll0";
        Assert.Equal(HttpStatusCode.Unauthorized, await RestStatus(madeUp));
        Assert.Equal(StatusCode.Unauthenticated, await GrpcStatus(platform.GatewayGrpc, madeUp));
    }

    [Fact]
    public async Task RevokedKey_IsUnauthenticated()
    {
        using var tenant = await platform.NewTenant();
        Assert.Equal(HttpStatusCode.OK, await RestStatus(tenant.ApiKey));

        await platform.Admin.RevokeApiKey(tenant.TenantId, tenant.KeyId);

        Assert.Equal(HttpStatusCode.Unauthorized, await RestStatus(tenant.ApiKey));
        Assert.Equal(StatusCode.Unauthenticated, await GrpcStatus(platform.GatewayGrpc, tenant.ApiKey));
    }

    [Fact]
    public async Task SuspendedTenant_IsUnauthenticated_UntilActivatedAgain()
    {
        using var tenant = await platform.NewTenant();

        await platform.Admin.SuspendTenant(tenant.TenantId);
        Assert.Equal(HttpStatusCode.Unauthorized, await RestStatus(tenant.ApiKey));
        Assert.Equal(StatusCode.Unauthenticated, await GrpcStatus(platform.GatewayGrpc, tenant.ApiKey));

        await platform.Admin.ActivateTenant(tenant.TenantId);
        Assert.Equal(HttpStatusCode.OK, await RestStatus(tenant.ApiKey));
    }

    [Fact]
    public async Task ClientForgedTenantHeaders_AreIgnored()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var bCompany = await b.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "B's secret client" } });

        foreach (var header in new[] { "x-tenant-id", "x-crm-tenant-id", "x-internal-tenant-id" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/companies/{bCompany.Id}");
            request.Headers.Add(header, b.TenantId);
            Assert.Equal(HttpStatusCode.NotFound, (await a.Rest.SendAsync(request)).StatusCode);

            var grpc = await Assert.ThrowsAsync<RpcException>(() =>
                a.Companies.GetCompanyAsync(new GetCompanyRequest { Id = bCompany.Id }, new Metadata { { header, b.TenantId } }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, grpc.StatusCode);
        }
    }

    [Fact]
    public async Task PartnerKey_CannotReachOperatorMethods()
    {
        using var tenant = await platform.NewTenant();

        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.Rest.GetAsync("/admin/v1/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.Rest.PostAsJsonAsync("/admin/v1/tenants", new { slug = "sneaky", name = "Sneaky" })).StatusCode);

        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpc);
        var admin = new TenantAdminService.TenantAdminServiceClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            admin.ListTenantsAsync(new ListTenantsRequest(), new Metadata { { "x-api-key", tenant.ApiKey } }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => admin.ListTenantsAsync(new ListTenantsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("profiles", "/v1/companies")]
    [InlineData("interactions", "/v1/interactions/01a20000-0000-7000-8000-000000000000")]
    [InlineData("billing", "/v1/invoices")]
    [InlineData("segmentation", "/v1/client-facts")]
    public async Task DirectCallToAService_WithoutTheInternalCredential_IsRefused(string service, string restPath)
    {
        using var tenant = await platform.NewTenant();
        using var rest = new HttpClient { BaseAddress = platform.ServiceRest(service) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync(restPath)).StatusCode);

        using var withApiKey = new HttpRequestMessage(HttpMethod.Get, restPath);
        withApiKey.Headers.Add("x-api-key", tenant.ApiKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.SendAsync(withApiKey)).StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Get, restPath);
        forged.Headers.Add("Authorization", $"Bearer {ForgedCredential(tenant.TenantId)}");
        forged.Headers.Add("x-tenant-id", tenant.TenantId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.SendAsync(forged)).StatusCode);

        using var channel = GrpcChannel.ForAddress(platform.ServiceGrpc(service));
        var error = await Assert.ThrowsAsync<RpcException>(() => AnyCall(channel, service));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private static Task AnyCall(GrpcChannel channel, string service) => service switch
    {
        "profiles" => new CompaniesService.CompaniesServiceClient(channel).ListCompaniesAsync(new ListCompaniesRequest()).ResponseAsync,
        "interactions" => new InteractionsService.InteractionsServiceClient(channel)
            .GetInteractionAsync(new GetInteractionRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync,
        "billing" => new BillingService.BillingServiceClient(channel).ListInvoicesAsync(new ListInvoicesRequest()).ResponseAsync,
        "segmentation" => new SegmentationService.SegmentationServiceClient(channel).ListCompanyFactsAsync(new ListCompanyFactsRequest()).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private async Task<HttpStatusCode> RestStatus(string apiKey)
    {
        using var rest = new HttpClient { BaseAddress = platform.GatewayRest };
        rest.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return (await rest.GetAsync("/v1/companies")).StatusCode;
    }

    private static async Task<StatusCode> GrpcStatus(Uri gateway, string? apiKey)
    {
        using var channel = GrpcChannel.ForAddress(gateway);
        var companies = new CompaniesService.CompaniesServiceClient(channel);
        var headers = apiKey is null ? new Metadata() : new Metadata { { "x-api-key", apiKey } };
        try
        {
            await companies.ListCompaniesAsync(new ListCompaniesRequest(), headers);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>A credential shaped exactly like the gateway's, signed with a key the services don't trust.</summary>
    private static string ForgedCredential(string tenantId)
    {
        static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT", kid = "internal" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "crm-gateway", ["aud"] = "crm-services", ["iat"] = now, ["nbf"] = now, ["exp"] = now + 60,
            ["tenant_id"] = tenantId, ["key_id"] = "forged", ["scope"] = "crm.read crm.write",
        }));
        var signature = Encode(HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }
}
