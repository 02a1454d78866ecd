using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.AppHost.Tests;

public sealed class ProcessEnvironmentTests
{
    private static readonly DatabaseInfo Profiles = new("profiles", "Host=db;Username=profiles_app", "Host=db;Username=profiles_owner");
    private static readonly DatabaseInfo PlatformDatabase = new("platform", "Host=db;Username=platform_app", "Host=db;Username=platform_owner");

    [Fact]
    public void ForService_NamesTheApplicationConnectionAfterTheServicesDatabase()
    {
        var environment = ProcessEnvironment.ForService("profiles", Profiles, "amqp://broker/", "key");

        Assert.Equal("Host=db;Username=profiles_app", environment["ConnectionStrings__profilesdb"]);
    }

    [Fact]
    public void ForService_GivesTheOwnerConnectionOnlyUnderTheMigratorName()
    {
        var environment = ProcessEnvironment.ForService("profiles", Profiles, "amqp://broker/", "key");

        Assert.Equal("Host=db;Username=profiles_owner", environment["ConnectionStrings__profilesdb-migrator"]);
    }

    [Fact]
    public void ForService_NamesTheBrokerMessaging()
    {
        var environment = ProcessEnvironment.ForService("profiles", Profiles, "amqp://broker/", "key");

        Assert.Equal("amqp://broker/", environment["ConnectionStrings__messaging"]);
    }

    [Fact]
    public void ForGateway_GivesEachServicesEndpointsUnderAspiresServiceDiscoveryNames()
    {
        var profiles = new ServiceProcess("profiles", "Profiles.dll", new Dictionary<string, string>(), new Uri("http://127.0.0.1:20001"), new Uri("http://127.0.0.1:20002"));

        var environment = ProcessEnvironment.ForGateway(PlatformDatabase, "amqp://broker", "key", "operator", [profiles]);

        Assert.Equal("http://127.0.0.1:20001", environment["services__profiles__http__0"]);
        Assert.Equal("http://127.0.0.1:20002", environment["services__profiles__grpc__0"]);
    }

    [Fact]
    public void ForGateway_GivesTheServicesSigningKeyToTheGatewayToo()
    {
        var service = ProcessEnvironment.ForService("profiles", Profiles, "amqp://broker/", "shared-key");
        var gateway = ProcessEnvironment.ForGateway(PlatformDatabase, "amqp://broker", "shared-key", "operator", []);

        Assert.Equal(service["InternalCredential__SigningKey"], gateway["InternalCredential__SigningKey"]);
    }

    [Fact]
    public void ForGateway_NamesItsOwnDatabasePlatformdb()
    {
        var environment = ProcessEnvironment.ForGateway(PlatformDatabase, "amqp://broker", "key", "operator", []);

        Assert.Equal("Host=db;Username=platform_app", environment["ConnectionStrings__platformdb"]);
    }

    [Fact]
    public void AddHosting_ServesRestOverHttp1AndGrpcOverHttp2()
    {
        var environment = new Dictionary<string, string>();

        ProcessEnvironment.AddHosting(environment, "profiles", new Uri("http://127.0.0.1:20001"), new Uri("http://127.0.0.1:20002"), "Development");

        Assert.Equal(("http://127.0.0.1:20001", "Http1"), (environment["Kestrel__Endpoints__http__Url"], environment["Kestrel__Endpoints__http__Protocols"]));
        Assert.Equal(("http://127.0.0.1:20002", "Http2"), (environment["Kestrel__Endpoints__grpc__Url"], environment["Kestrel__Endpoints__grpc__Protocols"]));
    }

    [Fact]
    public void AddHosting_NamesTheProcessInTraces()
    {
        var environment = new Dictionary<string, string>();

        ProcessEnvironment.AddHosting(environment, "billing", new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:2"), "Development");

        Assert.Equal("billing", environment["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public void AddHosting_SetsBothEnvironmentNames()
    {
        var environment = new Dictionary<string, string>();

        ProcessEnvironment.AddHosting(environment, "billing", new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:2"), "Testing");

        Assert.Equal(("Testing", "Testing"), (environment["DOTNET_ENVIRONMENT"], environment["ASPNETCORE_ENVIRONMENT"]));
    }
}
