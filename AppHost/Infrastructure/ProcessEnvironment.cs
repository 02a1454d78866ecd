namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>
/// The configuration each process is given, under the names an Aspire AppHost injects:
/// <c>ConnectionStrings__{name}</c> for databases and the broker, <c>services__{service}__{endpoint}__0</c>
/// for the gateway's view of each service, Kestrel endpoints, OTEL_SERVICE_NAME and the environment name.
/// </summary>
public static class ProcessEnvironment
{
    public static Dictionary<string, string> ForService(string name, DatabaseInfo database, string brokerConnectionString, string signingKey) => new()
    {
        [$"ConnectionStrings__{name}db"] = database.AppConnectionString,
        [$"ConnectionStrings__{name}db-migrator"] = database.OwnerConnectionString,
        ["ConnectionStrings__messaging"] = brokerConnectionString,
        ["InternalCredential__SigningKey"] = signingKey,
    };

    public static Dictionary<string, string> ForGateway(
        DatabaseInfo platformDatabase, string brokerConnectionString, string signingKey, string operatorKey, IEnumerable<ServiceProcess> services)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__platformdb"] = platformDatabase.AppConnectionString,
            ["ConnectionStrings__platformdb-migrator"] = platformDatabase.OwnerConnectionString,
            // The gateway publishes member changes.
            ["ConnectionStrings__messaging"] = brokerConnectionString,
            ["InternalCredential__SigningKey"] = signingKey,
            ["Operator__ApiKey"] = operatorKey,
        };
        foreach (var service in services)
        {
            environment[$"services__{service.Name}__http__0"] = Url(service.RestUrl);
            environment[$"services__{service.Name}__grpc__0"] = Url(service.GrpcUrl);
        }

        return environment;
    }

    /// <summary>What every process gets: where to listen (REST over HTTP/1.1, gRPC over HTTP/2), its name in traces, its environment.</summary>
    public static void AddHosting(IDictionary<string, string> environment, string name, Uri rest, Uri grpc, string environmentName)
    {
        environment["Kestrel__Endpoints__http__Url"] = Url(rest);
        environment["Kestrel__Endpoints__http__Protocols"] = "Http1";
        environment["Kestrel__Endpoints__grpc__Url"] = Url(grpc);
        environment["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        environment["OTEL_SERVICE_NAME"] = name;
        environment["DOTNET_ENVIRONMENT"] = environmentName;
        environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
    }

    private static string Url(Uri uri) => uri.ToString().TrimEnd('/');
}
