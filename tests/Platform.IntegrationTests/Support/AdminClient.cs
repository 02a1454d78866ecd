using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>The operators' REST API at the gateway, as the tests drive it.</summary>
public sealed class AdminClient(Uri gateway, string operatorKey)
{
    private readonly HttpClient http = new() { BaseAddress = gateway };

    public async Task<string> CreateTenant(string slug)
    {
        var response = await Send(HttpMethod.Post, "/admin/v1/tenants", new { slug, name = $"Tenant {slug}", plan = "test" });
        return (string)response["id"]!;
    }

    /// <returns>The key's id and its secret, shown only now.</returns>
    public async Task<(string KeyId, string Secret)> CreateApiKey(string tenantId, string name = "tests")
    {
        var response = await Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}/api-keys", new { name });
        return ((string)response["apiKey"]!["id"]!, (string)response["secret"]!);
    }

    /// <returns>A key of the tenant's with exactly <paramref name="scopes"/>, and its secret.</returns>
    public async Task<(string KeyId, string Secret)> CreateScopedApiKey(string tenantId, params string[] scopes)
    {
        var response = await Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}/api-keys", new { name = "scoped", scopes });
        return ((string)response["apiKey"]!["id"]!, (string)response["secret"]!);
    }

    /// <returns>The operators' answer: <c>apiKey</c>, <c>secret</c> and <c>oldApiKey</c>.</returns>
    public Task<JsonNode> RotateApiKey(string tenantId, string keyId, DateTimeOffset oldKeyExpires) =>
        Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}/api-keys/{keyId}:rotate",
            new { oldKeyExpireTime = oldKeyExpires.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) });

    /// <returns>The new member's id.</returns>
    public async Task<string> CreateMember(string tenantId, string name, string email, params string[] teams)
    {
        var response = await Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}/members", new { name, email, teams });
        return (string)response["id"]!;
    }

    /// <returns>A key bound to the member (its calls act as them), and its secret.</returns>
    public async Task<(string KeyId, string Secret)> CreateMemberApiKey(string tenantId, string memberId, params string[] scopes)
    {
        var response = await Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}/api-keys",
            new { name = "member", memberId, scopes = scopes.Length > 0 ? scopes : ["crm.read", "crm.write"] });
        return ((string)response["apiKey"]!["id"]!, (string)response["secret"]!);
    }

    public Task RemoveMember(string tenantId, string memberId) =>
        Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}/members/{memberId}:remove", new { });

    public Task RevokeApiKey(string tenantId, string keyId) =>
        Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}/api-keys/{keyId}:revoke", new { });

    public Task SuspendTenant(string tenantId) => Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}:suspend", new { });

    public Task ActivateTenant(string tenantId) => Send(HttpMethod.Post, $"/admin/v1/tenants/{tenantId}:activate", new { });

    public Task<JsonNode> GetTenant(string tenantId) => Send(HttpMethod.Get, $"/admin/v1/tenants/{tenantId}", null);

    /// <param name="updateMask">The limits to change, e.g. "requestsPerSecond,burst"; empty for all three.</param>
    public Task<JsonNode> UpdateTenantLimits(string tenantId, object limits, string updateMask = "") =>
        Send(HttpMethod.Patch, $"/admin/v1/tenants/{tenantId}/limits?updateMask={updateMask}", limits);

    private async Task<JsonNode> Send(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }
}
