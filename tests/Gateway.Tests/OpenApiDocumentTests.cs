using System.Text.Json.Nodes;
using CrmPlatform.Gateway.Catalog;
using CrmPlatform.Gateway.Proxy;
using Microsoft.Extensions.Configuration;

namespace CrmPlatform.Gateway.Tests;

public class OpenApiDocumentTests
{
    private static readonly MethodCatalog Catalog = MethodCatalog.FromContracts();
    private static readonly JsonObject Document = OpenApiDocument.Build(Catalog);

    private static JsonObject Paths => Document["paths"]!.AsObject();

    private static JsonObject Schema(string name) => Document["components"]!["schemas"]![name]!.AsObject();

    private static JsonObject Operation(string path, string verb) => Paths[path]![verb]!.AsObject();

    [Fact]
    public void Document_IsOpenApi3()
    {
        Assert.StartsWith("3.0", (string)Document["openapi"]!);
    }

    [Fact]
    public void EveryRestBinding_IsAnOperation()
    {
        var operations = Paths.Sum(path => path.Value!.AsObject().Count);

        Assert.Equal(Catalog.Rest.Count(), operations);
    }

    [Fact]
    public void EveryRestRouteOfTheGateway_HasItsPathsInTheDocument()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new[] { "profiles", "interactions", "billing", "segmentation" }.SelectMany(service => new[]
            {
                KeyValuePair.Create<string, string?>($"services:{service}:http:0", $"http://{service}:1"),
                KeyValuePair.Create<string, string?>($"services:{service}:grpc:0", $"http://{service}:2"),
            })).Build();
        var restRoutes = ServiceRoutes.From(configuration).Routes.Select(r => r.Match.Path!).Where(p => p.StartsWith("/v1/", StringComparison.Ordinal));

        foreach (var route in restRoutes)
        {
            // A catch-all route serves whatever lies under its literal prefix; a literal route, exactly itself.
            var prefix = route.Split('{')[0].TrimEnd('/');
            Assert.True(Paths.Any(p => p.Key == prefix || p.Key.StartsWith(prefix + "/", StringComparison.Ordinal) || p.Key.StartsWith(prefix + ":", StringComparison.Ordinal)),
                $"The gateway routes {route}, which the document does not describe.");
        }
    }

    [Fact]
    public void PathVariable_IsARequiredPathParameter()
    {
        var parameters = Operation("/v1/companies/{company.id}", "patch")["parameters"]!.AsArray();

        var id = parameters.Single(p => (string)p!["name"]! == "company.id")!;
        Assert.Equal("path", (string)id["in"]!);
        Assert.True((bool)id["required"]!);
    }

    [Fact]
    public void FieldsOutsideThePathAndBody_AreQueryParametersByJsonName()
    {
        var parameters = Operation("/v1/companies/{company.id}", "patch")["parameters"]!.AsArray();

        Assert.Contains(parameters, p => (string)p!["name"]! == "updateMask" && (string)p["in"]! == "query");
        Assert.DoesNotContain(parameters, p => (string)p!["name"]! == "company");
    }

    [Fact]
    public void BodyField_IsTheRequestBody()
    {
        var body = Operation("/v1/companies/{company.id}", "patch")["requestBody"]!["content"]!["application/json"]!["schema"]!;

        Assert.Equal("#/components/schemas/crm.profiles.v1.Company", (string)body["$ref"]!);
    }

    [Fact]
    public void Int64Field_IsAString()
    {
        Assert.Equal("string", (string)Schema("crm.common.v1.Money")["properties"]!["units"]!["type"]!);
    }

    [Fact]
    public void EnumField_IsAStringOfItsValueNames()
    {
        var stage = Schema("crm.profiles.v1.Company")["properties"]!["lifecycleStage"]!;

        Assert.Equal("string", (string)stage["type"]!);
        Assert.Contains(stage["enum"]!.AsArray(), v => (string)v! == "LIFECYCLE_STAGE_CUSTOMER");
    }

    [Fact]
    public void TimestampField_IsADateTimeString()
    {
        var created = Schema("crm.profiles.v1.Company")["properties"]!["createTime"]!;

        Assert.Equal("date-time", (string)created["format"]!);
    }

    [Fact]
    public void EveryOperation_AnswersErrorsAsGoogleRpcStatus()
    {
        var operations = Paths.SelectMany(p => p.Value!.AsObject().Select(o => o.Value!));

        Assert.All(operations, o => Assert.Equal("#/components/schemas/google.rpc.Status",
            (string)o["responses"]!["default"]!["content"]!["application/json"]!["schema"]!["$ref"]!));
    }

    [Fact]
    public void EveryOperation_StatesTheScopeItNeeds()
    {
        var operations = Paths.SelectMany(p => p.Value!.AsObject().Select(o => o.Value!));

        Assert.All(operations, o => Assert.StartsWith("crm.", (string)o[OpenApiDocument.ScopeExtension]!));
    }

    [Fact]
    public void Import_AcceptsCsvAndJsonLines()
    {
        var content = Operation("/v1/companies:import", "post")["requestBody"]!["content"]!.AsObject();

        Assert.True(content.ContainsKey("text/csv"));
        Assert.True(content.ContainsKey("application/x-ndjson"));
    }

    [Fact]
    public void OperationIds_AreUnique()
    {
        var ids = Paths.SelectMany(p => p.Value!.AsObject().Select(o => (string)o.Value!["operationId"]!)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
