namespace CrmPlatform.AppHost.Infrastructure;

public sealed record PlatformOptions
{
    /// <summary>Where PostgreSQL, RabbitMQ and the stored secrets keep their files.</summary>
    public required string DataRoot { get; init; }

    /// <summary>Deletes <see cref="DataRoot"/> when the platform stops: test runs leave nothing behind.</summary>
    public bool DeleteDataOnStop { get; init; }

    /// <summary>ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT of every process.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>
    /// Whether the private PostgreSQL keeps committed writes across a power cut (fsync,
    /// synchronous_commit and full_page_writes on). Only throwaway test data may give that up for speed.
    /// </summary>
    public bool DurableStorage { get; init; } = true;

    /// <summary>Fixed gateway ports (so printed examples stay valid); free ones when null or taken.</summary>
    public int? GatewayRestPort { get; init; }

    public int? GatewayGrpcPort { get; init; }

    /// <summary>A server started elsewhere (a Testcontainers container); a private process when null.</summary>
    public IDatabaseServer? DatabaseServer { get; init; }

    public IMessageBroker? Broker { get; init; }

    public static PlatformOptions ForDevelopment() => new()
    {
        DataRoot = Path.Combine(BuildInfo.RepoRoot, ".data"),
        GatewayRestPort = 5080,
        GatewayGrpcPort = 5081,
    };

    public static PlatformOptions ForTests(IDatabaseServer? databaseServer = null, IMessageBroker? broker = null) => new()
    {
        DataRoot = Path.Combine(Path.GetTempPath(), $"crm-tests-{Guid.NewGuid():N}"),
        EnvironmentName = "Testing",
        DeleteDataOnStop = true,
        // Deleted when the run ends, so a power cut loses nothing worth keeping.
        DurableStorage = false,
        DatabaseServer = databaseServer,
        Broker = broker,
    };
}
