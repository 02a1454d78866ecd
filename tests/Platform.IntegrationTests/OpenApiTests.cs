using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmPlatform.IntegrationTests.Support;

namespace CrmPlatform.IntegrationTests;

/// <summary>The OpenAPI document the gateway serves, held to the gateway it describes.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class OpenApiTests(PlatformFixture platform)
{
    private async Task<JsonObject> Document()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.GatewayRest };
        var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task Document_IsServedWithoutAKey()
    {
        var document = await Document();

        Assert.StartsWith("3.0", (string)document["openapi"]!);
        Assert.True(document["paths"]!.AsObject().ContainsKey("/v1/companies"));
    }

    [Fact]
    public async Task EveryPathInTheDocument_AnswersThroughTheGateway()
    {
        using var tenant = await platform.NewTenant();
        var document = await Document();

        var unanswered = new List<string>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var path = Variable().Replace(template, Guid.NewGuid().ToString());
            foreach (var (verb, _) in item!.AsObject())
            {
                using var request = new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), path);
                if (verb is "post" or "put" or "patch")
                {
                    request.Content = path.EndsWith(":import", StringComparison.Ordinal)
                        ? new StringContent("external_id,name\n", Encoding.UTF8, "text/csv")
                        : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await tenant.Rest.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (!Answered(response.StatusCode, body))
                {
                    unanswered.Add($"{verb.ToUpperInvariant()} {template}: {(int)response.StatusCode} {body}");
                }
            }
        }

        Assert.Empty(unanswered);
    }

    /// <summary>
    /// Reached a method: any success, bad input or precondition, or a NotFound that is a method's
    /// answer about a missing id (a google.rpc.Status body), never a routing 404 or a server error.
    /// </summary>
    private static bool Answered(HttpStatusCode status, string body)
    {
        if ((int)status >= 500)
        {
            return false;
        }

        if (status != HttpStatusCode.NotFound)
        {
            return true;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject error && (int?)error["code"] == 5;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Variable();
}
