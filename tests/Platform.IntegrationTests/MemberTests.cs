using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace CrmPlatform.IntegrationTests;

/// <summary>Co-workers: managed by operators and a tenant's admin key, and the author of what their keys write.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MemberTests(PlatformFixture platform)
{
    [Fact]
    public async Task MemberAddedByAnOperator_IsListedToTheTenantsAdminKey()
    {
        using var tenant = await platform.NewTenant();
        var memberId = await platform.Admin.CreateMember(tenant.TenantId, "Erik Berg", "erik@example.com", "key-accounts");
        using var admin = await AdminKey(tenant);

        var listed = JsonNode.Parse(await admin.GetStringAsync("/v1/members"))!["members"]!.AsArray();

        Assert.Equal([(memberId, "Erik Berg", "key-accounts")], listed.Select(m => ((string)m!["id"]!, (string)m["name"]!, (string)m["teams"]![0]!)));
    }

    [Fact]
    public async Task TenantsAdminKey_AddsMembersToItsOwnTenant()
    {
        using var tenant = await platform.NewTenant();
        using var admin = await AdminKey(tenant);

        var created = await admin.PostAsJsonAsync("/v1/members", new { name = "Anna Lind", email = "anna@example.com", teams = new[] { "sales" } });
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        Assert.Equal((HttpStatusCode.OK, tenant.TenantId), (created.StatusCode, (string)body["tenantId"]!));
    }

    [Fact]
    public async Task KeyWithoutTheAdminScope_CannotManageMembers()
    {
        using var tenant = await platform.NewTenant();

        var response = await tenant.Rest.PostAsJsonAsync("/v1/members", new { name = "Anna Lind", email = "anna@example.com" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsMember_IsNotFound()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var memberOfA = await platform.Admin.CreateMember(a.TenantId, "Erik Berg", "erik@example.com");
        using var bAdmin = await AdminKey(b);

        var response = await bAdmin.GetAsync($"/v1/members/{memberOfA}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ABadMember_IsRefusedWithEveryViolation()
    {
        using var tenant = await platform.NewTenant();
        using var admin = await AdminKey(tenant);

        var (status, body) = await BadRequests.Send(admin, HttpMethod.Post, "/v1/members", """{"name":"","email":"not-an-address","teams":["Key Accounts"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["member.email", "member.name", "member.teams[0]"], BadRequests.Fields(body).Order());
    }

    [Fact]
    public async Task TwoCurrentMembers_CannotShareAnEmail()
    {
        using var tenant = await platform.NewTenant();
        await platform.Admin.CreateMember(tenant.TenantId, "Erik Berg", "erik@example.com");
        using var admin = await AdminKey(tenant);

        var second = await admin.PostAsJsonAsync("/v1/members", new { name = "Erik B", email = "ERIK@example.com" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task WhatAMembersKeyRecords_IsAuthoredByThem()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Author AB");
        using var erik = await platform.NewMember(tenant, "Erik Berg");

        var note = await erik.Client.Interactions.RecordInteractionAsync(new RecordInteractionRequest
        {
            CompanyId = company.Id,
            Interaction = new Interaction { Kind = InteractionKind.Note, Body = "Met the CFO" },
        });

        Assert.Equal(erik.Id, note.AuthorId);
    }

    [Fact]
    public async Task AnAuthorInTheBody_IsIgnored_TheCallersMemberIsTheAuthor()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Forged Author AB");
        using var erik = await platform.NewMember(tenant, "Erik Berg");

        var response = await erik.Client.Rest.PostAsJsonAsync($"/v1/companies/{company.Id}/interactions",
            new { kind = "INTERACTION_KIND_NOTE", body = "x", authorId = "0198a1b2-0000-7000-8000-000000000001" });
        var note = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(erik.Id, (string)note["authorId"]!);
    }

    [Fact]
    public async Task IntegrationKeyWithoutActAs_IsRefusedAnOnBehalfOfHeader()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Act As AB");
        using var erik = await platform.NewMember(tenant, "Erik Berg");

        var error = await Assert.ThrowsAsync<RpcException>(() => tenant.Interactions.RecordInteractionAsync(
            new RecordInteractionRequest { CompanyId = company.Id, Interaction = new Interaction { Kind = InteractionKind.Note, Body = "x" } },
            new Metadata { { "on-behalf-of", erik.Id } }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task IntegrationKeyWithActAs_RecordsAsTheMemberItNames()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Act As AB");
        using var erik = await platform.NewMember(tenant, "Erik Berg");
        using var integration = await ScopedKey(tenant, "crm.read", "crm.write", "crm.act_as");

        var note = await integration.Interactions.RecordInteractionAsync(
            new RecordInteractionRequest { CompanyId = company.Id, Interaction = new Interaction { Kind = InteractionKind.Note, Body = "Synced" } },
            new Metadata { { "on-behalf-of", erik.Id } });

        Assert.Equal(erik.Id, note.AuthorId);
    }

    [Fact]
    public async Task OnBehalfOfAnotherTenantsMember_IsNotFound()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var company = await a.CreateCompanyKnownEverywhere("Act As AB");
        var memberOfB = await platform.Admin.CreateMember(b.TenantId, "Bo Ek", "bo@example.com");
        using var integration = await ScopedKey(a, "crm.read", "crm.write", "crm.act_as");

        var error = await Assert.ThrowsAsync<RpcException>(() => integration.Interactions.RecordInteractionAsync(
            new RecordInteractionRequest { CompanyId = company.Id, Interaction = new Interaction { Kind = InteractionKind.Note, Body = "x" } },
            new Metadata { { "on-behalf-of", memberOfB } }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RemovedMembersKey_StopsWorking()
    {
        using var tenant = await platform.NewTenant();
        using var erik = await platform.NewMember(tenant, "Erik Berg");

        await platform.Admin.RemoveMember(tenant.TenantId, erik.Id);
        var response = await erik.Client.Rest.GetAsync("/v1/companies");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MembersOverGrpc_AreTheSameAsOverRest()
    {
        using var tenant = await platform.NewTenant();
        var memberId = await platform.Admin.CreateMember(tenant.TenantId, "Erik Berg", "erik@example.com", "sales");
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpc);
        var members = new MembersService.MembersServiceClient(channel);

        var member = await members.GetMemberAsync(
            new GetMemberRequest { TenantId = tenant.TenantId, Id = memberId },
            new Metadata { { "authorization", $"Bearer {platform.OperatorKey}" } });

        Assert.Equal(("Erik Berg", "erik@example.com", "sales"), (member.Name, member.Email, string.Join(",", member.Teams)));
    }

    private async Task<HttpClient> AdminKey(TenantClient tenant)
    {
        var (_, secret) = await platform.Admin.CreateScopedApiKey(tenant.TenantId, "crm.read", "crm.admin");
        var http = new HttpClient { BaseAddress = platform.GatewayRest };
        http.DefaultRequestHeaders.Add("x-api-key", secret);
        return http;
    }

    private async Task<TenantClient> ScopedKey(TenantClient tenant, params string[] scopes)
    {
        var (keyId, secret) = await platform.Admin.CreateScopedApiKey(tenant.TenantId, scopes);
        return new TenantClient(tenant.TenantId, keyId, secret, platform.GatewayRest, platform.GatewayGrpc);
    }
}
