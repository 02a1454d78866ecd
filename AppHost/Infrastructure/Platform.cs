using System.Diagnostics;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>
/// The whole platform on one machine, as an Aspire AppHost would model it: PostgreSQL and
/// RabbitMQ, a database and two roles per service, the four services and the gateway, each
/// process given its configuration under the names Aspire injects.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    public static readonly ActivitySource Activity = new("CrmPlatform.AppHost");

    public static readonly string[] ServiceNames = ["profiles", "interactions", "billing", "segmentation"];

    private readonly PlatformOptions options;
    private readonly Dictionary<string, DatabaseInfo> databases = [];
    private readonly Dictionary<string, ServiceProcess> services = [];
    private readonly bool ownsDatabaseServer;
    private readonly bool ownsBroker;

    private Platform(PlatformOptions options)
    {
        this.options = options;
        Directory.CreateDirectory(options.DataRoot);
        ownsDatabaseServer = options.DatabaseServer is null;
        ownsBroker = options.Broker is null;
        DatabaseServer = options.DatabaseServer ?? new PostgresServer(options.DataRoot, options.DurableStorage);
        Broker = options.Broker ?? new RabbitMqServer(options.DataRoot);
        OperatorKey = Secrets.Stored(options.DataRoot, "operator-key", () => $"crm_operator_{Secrets.New()}");
    }

    public IDatabaseServer DatabaseServer { get; }

    public IMessageBroker Broker { get; }

    public string BrokerConnectionString => Broker.ConnectionString;

    /// <summary>The operators' credential for crm.platform.v1 at the gateway.</summary>
    public string OperatorKey { get; }

    public Uri GatewayRestUrl => Gateway.RestUrl;

    public Uri GatewayGrpcUrl => Gateway.GrpcUrl;

    public ServiceProcess Gateway { get; private set; } = null!;

    /// <summary>Every process in start order: the services, then the gateway.</summary>
    public IReadOnlyList<ServiceProcess> Processes => [.. StartStages(services.Values, Gateway).SelectMany(stage => stage)];

    public static async Task<Platform> StartAsync(PlatformOptions options, Action<Platform>? beforeProcessesStart = null, CancellationToken cancellationToken = default)
    {
        using var activity = Activity.StartActivity("start platform");
        var platform = new Platform(options);
        try
        {
            await Task.WhenAll(platform.DatabaseServer.StartAsync(cancellationToken), platform.Broker.StartAsync(cancellationToken));
            foreach (var name in ServiceNames.Append("platform"))
            {
                platform.databases[name] = await PostgresServer.EnsureDatabaseAsync(platform.DatabaseServer, name, options.DataRoot);
            }

            platform.CreateProcesses();
            beforeProcessesStart?.Invoke(platform);

            var timeout = TimeSpan.FromMinutes(2);
            foreach (var stage in StartStages(platform.services.Values, platform.Gateway))
            {
                await Task.WhenAll(stage.Select(async process =>
                {
                    await process.StartAsync();
                    await process.WaitUntilHealthyAsync(timeout, cancellationToken);
                }));
            }

            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The services together, then the gateway once they are all healthy: the gateway reads their
    /// addresses at start and its first requests go straight to them.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ServiceProcess>> StartStages(IEnumerable<ServiceProcess> services, ServiceProcess gateway) =>
        [[.. services], [gateway]];

    public DatabaseInfo Database(string name) => databases[name];

    public string SuperuserConnectionString(string database) => DatabaseServer.SuperuserConnectionString(database);

    public ServiceProcess Service(string name) => services[name];

    /// <summary>Stops the gateway, then the services, then RabbitMQ and PostgreSQL.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.StopAsync();
        }

        await Task.WhenAll(services.Values.Select(s => s.StopAsync()));
        if (ownsBroker)
        {
            await Broker.StopAsync();
        }

        if (ownsDatabaseServer)
        {
            await DatabaseServer.StopAsync();
        }

        if (options.DeleteDataOnStop)
        {
            Directory.Delete(options.DataRoot, recursive: true);
        }
    }

    private void CreateProcesses()
    {
        var signingKey = Secrets.SigningKey();
        foreach (var name in ServiceNames)
        {
            var environment = ProcessEnvironment.ForService(name, databases[name], Broker.ConnectionString, signingKey);
            services[name] = Create(name, Capitalized(name), $"services/{Capitalized(name)}", environment, Loopback(FreePort.Pick()), Loopback(FreePort.Pick()));
        }

        var gatewayEnvironment = ProcessEnvironment.ForGateway(databases["platform"], Broker.ConnectionString, signingKey, OperatorKey, services.Values);
        Gateway = Create("gateway", "Gateway", "gateway", gatewayEnvironment, Loopback(PortOrFree(options.GatewayRestPort)), Loopback(PortOrFree(options.GatewayGrpcPort)));
    }

    private ServiceProcess Create(string name, string assembly, string projectDirectory, Dictionary<string, string> environment, Uri rest, Uri grpc)
    {
        ProcessEnvironment.AddHosting(environment, name, rest, grpc, options.EnvironmentName);
        var assemblyPath = Path.Combine(BuildInfo.RepoRoot, projectDirectory, "bin", BuildInfo.Configuration, "net10.0", $"{assembly}.dll");
        return new ServiceProcess(name, assemblyPath, environment, rest, grpc);
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");

    private static int PortOrFree(int? port) => port is { } fixedPort && FreePort.IsFree(fixedPort) ? fixedPort : FreePort.Pick();

    private static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
