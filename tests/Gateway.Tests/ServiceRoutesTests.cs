using CrmPlatform.Gateway.Proxy;
using Microsoft.Extensions.Configuration;

namespace CrmPlatform.Gateway.Tests;

public class ServiceRoutesTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().AddInMemoryCollection(
        new[] { "profiles", "interactions", "billing", "segmentation" }.SelectMany(service => new[]
        {
            KeyValuePair.Create<string, string?>($"services:{service}:http:0", $"http://{service}:1"),
            KeyValuePair.Create<string, string?>($"services:{service}:grpc:0", $"http://{service}:2"),
        })).Build();

    [Fact]
    public void ACompanysInteractions_RouteToInteractions_AheadOfTheCompaniesCatchAll()
    {
        var (routes, _) = ServiceRoutes.From(Configuration);

        var interactions = routes.Single(r => r.Match.Path == "/v1/companies/{companyId}/interactions/{**rest}");
        var companies = routes.Single(r => r.Match.Path == "/v1/companies/{**rest}");

        Assert.Equal("interactions-rest", interactions.ClusterId);
        Assert.True(interactions.Order < companies.Order);
    }
}
