using System.Net;
using System.Net.Http.Json;
using System.Text;
using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace CrmPlatform.IntegrationTests;

/// <summary>
/// Every error reaches a client in one shape, google.rpc.Status with a correlation id, and never
/// carries what only the platform's operators should see.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ErrorShapeTests(PlatformFixture platform)
{
    [Fact]
    public async Task ServerFault_OverRest_IsInternalStatusWithCorrelationId_AndNoInternals()
    {
        using var tenant = await platform.NewTenant();
        await using var fault = await InjectedFault.OnInsert(platform, "profiles", "companies", tenant.TenantId);

        using var response = await tenant.Rest.PostAsJsonAsync("/v1/companies", new { name = "Faulty AB" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var status = ErrorBodies.Status(body);
        Assert.Equal((int)Code.Internal, status.Code);
        Assert.Matches("^[0-9a-f]{32}$", status.CorrelationId());
        ErrorBodies.AssertNoInternals(body + response.Headers + response.Content.Headers, platform.ServiceRest("profiles"));
    }

    [Fact]
    public async Task ServerFault_OverGrpc_IsInternalStatusWithCorrelationId_AndNoInternals()
    {
        using var tenant = await platform.NewTenant();
        await using var fault = await InjectedFault.OnInsert(platform, "profiles", "companies", tenant.TenantId);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Faulty AB" } }).ResponseAsync);

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", ErrorBodies.Status(error).CorrelationId());
        ErrorBodies.AssertNoInternals(ErrorBodies.Everything(error), platform.ServiceGrpc("profiles"));
    }

    [Fact]
    public async Task ServerFault_CorrelationIdTheClientSees_IsInTheServiceLog()
    {
        using var tenant = await platform.NewTenant();
        await using var fault = await InjectedFault.OnInsert(platform, "profiles", "companies", tenant.TenantId);

        using var response = await tenant.Rest.PostAsJsonAsync("/v1/companies", new { name = "Faulty AB" });
        var status = ErrorBodies.Status(await response.Content.ReadAsStringAsync());

        await ErrorBodies.AssertLogged("profiles", status.CorrelationId());
    }

    [Fact]
    public async Task ServerFault_InTheRestImportEndpoint_IsInternalStatus_NotADeveloperPage()
    {
        using var tenant = await platform.NewTenant();
        await using var fault = await InjectedFault.OnInsert(platform, "profiles", "company_imports", tenant.TenantId);

        using var content = new StringContent("external_id,name\nERP-1,Faulty AB\n", Encoding.UTF8, "text/csv");
        using var response = await tenant.Rest.PostAsync("/v1/companies:import?requestId=faulty", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var status = ErrorBodies.Status(body);
        Assert.Equal((int)Code.Internal, status.Code);
        ErrorBodies.AssertNoInternals(body, platform.ServiceRest("profiles"));
        await ErrorBodies.AssertLogged("profiles", status.CorrelationId());
    }

    [Fact]
    public async Task PathNoRouteServes_IsNotFound_InTheStatusShape()
    {
        using var tenant = await platform.NewTenant();

        using var response = await tenant.Rest.GetAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((int)Code.NotFound, ErrorBodies.Status(await response.Content.ReadAsStringAsync()).Code);
    }

    [Fact]
    public async Task ServiceDown_IsUnavailableStatus_OverRestAndGrpc()
    {
        using var tenant = await platform.NewTenant();
        await platform.KillService("segmentation");
        try
        {
            using var response = await tenant.Rest.GetAsync("/v1/client-facts");
            var status = ErrorBodies.Status(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal((int)Code.Unavailable, status.Code);
            Assert.Matches("^[0-9a-f]{32}$", status.CorrelationId());

            var error = await Assert.ThrowsAsync<RpcException>(() =>
                tenant.Segmentation.ListCompanyFactsAsync(new Contracts.Segmentation.V1.ListCompanyFactsRequest()).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
            Assert.Matches("^[0-9a-f]{32}$", ErrorBodies.Status(error).CorrelationId());
        }
        finally
        {
            // The tests after this one need segmentation back, consuming events, before they start.
            await platform.StartService("segmentation");
            await platform.Process("segmentation").WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
            await Eventually.True(async () => (await tenant.Rest.GetAsync("/v1/client-facts")).IsSuccessStatusCode, "segmentation to answer again");
        }
    }

    [Theory]
    [InlineData(null, "API_KEY_MISSING")]
    [InlineData("crm_deadbeef_thisKeyWasNeverIssuedByTheGatewayAtAll0", "API_KEY_INVALID")]
    public async Task Unauthenticated_OverRest_IsStatus16WithReason(string? apiKey, string reason)
    {
        using var rest = new HttpClient { BaseAddress = platform.GatewayRest };
        if (apiKey is not null)
        {
            rest.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        using var response = await rest.GetAsync("/v1/companies");
        var status = ErrorBodies.Status(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((int)Code.Unauthenticated, status.Code);
        Assert.Equal(reason, status.Detail<ErrorInfo>().Reason);
        Assert.Matches("^[0-9a-f]{32}$", status.CorrelationId());
    }

    [Theory]
    [InlineData(null, "API_KEY_MISSING")]
    [InlineData("crm_deadbeef_thisKeyWasNeverIssuedByTheGatewayAtAll0", "API_KEY_INVALID")]
    public async Task Unauthenticated_OverGrpc_CarriesTheSameReason(string? apiKey, string reason)
    {
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpc);
        var headers = apiKey is null ? new Metadata() : new Metadata { { "x-api-key", apiKey } };

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new CompaniesService.CompaniesServiceClient(channel).ListCompaniesAsync(new ListCompaniesRequest(), headers).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(reason, ErrorBodies.Status(error).Detail<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task RevokedKey_IsApiKeyInvalid()
    {
        using var tenant = await platform.NewTenant();
        await platform.Admin.RevokeApiKey(tenant.TenantId, tenant.KeyId);

        using var response = await tenant.Rest.GetAsync("/v1/companies");

        Assert.Equal("API_KEY_INVALID", ErrorBodies.Status(await response.Content.ReadAsStringAsync()).Detail<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task PartnerKeyOnOperatorMethod_OverRest_IsStatus7OperatorOnly()
    {
        using var tenant = await platform.NewTenant();

        using var response = await tenant.Rest.GetAsync("/admin/v1/tenants");
        var status = ErrorBodies.Status(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((int)Code.PermissionDenied, status.Code);
        Assert.Equal("OPERATOR_ONLY", status.Detail<ErrorInfo>().Reason);
        Assert.Matches("^[0-9a-f]{32}$", status.CorrelationId());
    }

    [Fact]
    public async Task PartnerKeyOnOperatorMethod_OverGrpc_IsPermissionDeniedOperatorOnly()
    {
        using var tenant = await platform.NewTenant();
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpc);

        var error = await Assert.ThrowsAsync<RpcException>(() => new TenantAdminService.TenantAdminServiceClient(channel)
            .ListTenantsAsync(new ListTenantsRequest(), new Metadata { { "x-api-key", tenant.ApiKey } }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("OPERATOR_ONLY", ErrorBodies.Status(error).Detail<ErrorInfo>().Reason);
    }
}
