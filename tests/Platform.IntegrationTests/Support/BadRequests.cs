using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>Sends raw REST bodies (what a typed client cannot write) and reads the fields a 400 names.</summary>
public static class BadRequests
{
    public static async Task<(HttpStatusCode Status, string Body)> Send(HttpClient http, HttpMethod method, string path, string? json, string? operatorKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (operatorKey is not null)
        {
            request.Headers.Authorization = new("Bearer", operatorKey);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The fields a google.rpc.Status JSON body's BadRequest names.</summary>
    public static IReadOnlyList<string> Fields(string body) =>
        JsonNode.Parse(body)!["details"]!.AsArray()
            .Where(d => ((string?)d!["@type"])?.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal) == true)
            .SelectMany(d => d!["fieldViolations"]!.AsArray().Select(v => (string)v!["field"]!))
            .ToList();

    public static IReadOnlyList<string> Fields(RpcException error) =>
        error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToList();
}
