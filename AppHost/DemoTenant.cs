using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.AppHost;

/// <summary>The development tenant "demo", created through the operators' API like any other, with a fresh key each run.</summary>
internal sealed record DemoTenant(string Id, string ApiKey)
{
    private const string Slug = "demo";

    public static async Task<DemoTenant> CreateAsync(Platform platform)
    {
        using var admin = new HttpClient { BaseAddress = platform.GatewayRestUrl };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.OperatorKey);

        var created = await admin.PostAsJsonAsync("/admin/v1/tenants", new { slug = Slug, name = "Demo Company", plan = "developer" });
        string id;
        if (created.StatusCode == HttpStatusCode.Conflict)
        {
            var tenants = JsonNode.Parse(await admin.GetStringAsync("/admin/v1/tenants?pageSize=500"))!["tenants"]!.AsArray();
            id = (string)tenants.First(t => (string?)t!["slug"] == Slug)!["id"]!;
        }
        else
        {
            id = (string)(await Read(created))["id"]!;
        }

        var key = await Read(await admin.PostAsJsonAsync($"/admin/v1/tenants/{id}/api-keys", new { name = $"apphost {DateTime.UtcNow:yyyy-MM-dd HH:mm}" }));
        return new DemoTenant(id, (string)key["secret"]!);
    }

    private static async Task<JsonNode> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!
            : throw new InvalidOperationException($"The gateway's admin API answered {(int)response.StatusCode}: {body}");
    }
}
