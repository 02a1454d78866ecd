using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// The whole platform, started once for all integration tests by the AppHost's own code: private
/// PostgreSQL and RabbitMQ processes (or containers where a Docker engine answers), the four
/// services and the gateway as real processes.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] ServiceDatabaseNames = ["profiles", "interactions", "billing", "segmentation"];

    private Platform platform = null!;
    private (IDatabaseServer Database, IMessageBroker Broker)? containers;
    private int tenantCount;

    public Uri GatewayRest => platform.GatewayRestUrl;

    public Uri GatewayGrpc => platform.GatewayGrpcUrl;

    public AdminClient Admin { get; private set; } = null!;

    /// <summary>The operators' key, for calls the AdminClient does not make (bad input, gRPC).</summary>
    public string OperatorKey => platform.OperatorKey;

    public string BrokerConnectionString => platform.BrokerConnectionString;

    public async Task InitializeAsync()
    {
        containers = await Containers.TryStart();
        platform = await Platform.StartAsync(PlatformOptions.ForTests(containers?.Database, containers?.Broker), KeepLogs);
        Admin = new AdminClient(GatewayRest, platform.OperatorKey);
    }

    /// <summary>Each process's output in bin/.../platform-logs, to read when a test fails.</summary>
    private static void KeepLogs(Platform starting)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "platform-logs");
        Directory.CreateDirectory(folder);
        foreach (var process in starting.Processes)
        {
            var log = new StreamWriter(Path.Combine(folder, $"{process.Name}.log"), append: false) { AutoFlush = true };
            process.Log += (_, line) =>
            {
                lock (log)
                {
                    log.WriteLine(line);
                }
            };
        }
    }

    public async Task DisposeAsync()
    {
        await platform.DisposeAsync();
        if (containers is var (database, broker))
        {
            await broker.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    /// <summary>A fresh tenant with its own API key: tests never share tenants, so they never see each other's data.</summary>
    public async Task<TenantClient> NewTenant()
    {
        var slug = $"t{Interlocked.Increment(ref tenantCount)}-{Guid.NewGuid():N}"[..30];
        var tenantId = await Admin.CreateTenant(slug);
        var (keyId, secret) = await Admin.CreateApiKey(tenantId);
        return new TenantClient(tenantId, keyId, secret, GatewayRest, GatewayGrpc);
    }

    /// <summary>
    /// A co-worker in <paramref name="tenant"/>, with a key of their own whose calls act as them;
    /// returns once Interactions knows them (the gateway announces members by event).
    /// </summary>
    public async Task<Member> NewMember(TenantClient tenant, string name, params string[] teams)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}"[..40] + "@example.com";
        var memberId = await Admin.CreateMember(tenant.TenantId, name, email, teams);
        var (keyId, secret) = await Admin.CreateMemberApiKey(tenant.TenantId, memberId);
        var client = new TenantClient(tenant.TenantId, keyId, secret, GatewayRest, GatewayGrpc);
        await Eventually.True(() => MemberKnown(tenant.TenantId, memberId), $"member {name} to reach Interactions");
        return new Member(memberId, name, email, client);
    }

    private async Task<bool> MemberKnown(string tenantId, string memberId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(SuperuserConnectionString("interactions"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM known_members WHERE tenant_id = $1 AND member_id = $2", connection);
        command.Parameters.AddWithValue(Guid.Parse(tenantId));
        command.Parameters.AddWithValue(Guid.Parse(memberId));
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public string AppConnectionString(string database) => platform.Database(database).AppConnectionString;

    public string SuperuserConnectionString(string database) => platform.SuperuserConnectionString(database);

    public Uri ServiceRest(string service) => platform.Service(service).RestUrl;

    public Uri ServiceGrpc(string service) => platform.Service(service).GrpcUrl;

    public ServiceProcess Process(string service) => platform.Service(service);

    public Task StopBroker() => platform.Broker.StopAsync();

    public Task StartBroker() => platform.Broker.StartAsync();

    /// <summary>SIGKILL, as a crash: no graceful shutdown, no automatic restart.</summary>
    public Task KillService(string service) => platform.Service(service).KillAsync();

    public Task StartService(string service) => platform.Service(service).StartAsync();
}
