using System.Diagnostics;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>
/// A private RabbitMQ node run from the machine's server binaries: its own node name, ports,
/// Erlang port mapper, cookie and data folder, loopback only. Stopping and starting it again
/// keeps its address and its durable queues, as a broker outage would. Its log is kept in
/// rabbitmq/log under the data root.
/// </summary>
public sealed class RabbitMqServer : IMessageBroker
{
    private const string Binaries = "/usr/lib/rabbitmq/bin";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly string folder;
    private readonly string user = "crm";
    private readonly string password;
    private readonly int distributionPort = FreePort.Pick();
    private readonly int portMapperPort = FreePort.Pick();
    private Process? server;

    public RabbitMqServer(string dataRoot)
    {
        folder = Path.Combine(dataRoot, "rabbitmq");
        password = Secrets.Stored(dataRoot, "rabbitmq-password");
        Port = FreePort.Pick();
    }

    public int Port { get; }

    public string ConnectionString => $"amqp://{user}:{password}@127.0.0.1:{Port}/";

    private string NodeName => $"crm-{Port}@localhost";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(Binaries, "rabbitmq-server")))
        {
            throw new InvalidOperationException($"No RabbitMQ server under {Binaries}: install the rabbitmq-server package (./crm.sh does).");
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"), $"""
            listeners.tcp.1 = 127.0.0.1:{Port}
            default_user = {user}
            default_pass = {password}
            loopback_users = none
            log.console = false
            log.file = rabbit.log
            log.file.level = info
            """, cancellationToken);

        var start = new ProcessStartInfo(Path.Combine(Binaries, "rabbitmq-server")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in Environment())
        {
            start.Environment[key] = value;
        }

        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await FreePort.Answers(Port))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"RabbitMQ exited with code {server.ExitCode} while starting.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"RabbitMQ did not open its port within {StartTimeout.TotalSeconds:0} seconds.");
            }

            await Task.Delay(250, cancellationToken);
        }

        await Command.Run(Path.Combine(Binaries, "rabbitmqctl"), ["await_startup", "--timeout", "60"], Environment(), check: false);
    }

    public async Task StopAsync()
    {
        if (this.server is not { } server)
        {
            return;
        }

        await Command.Run(Path.Combine(Binaries, "rabbitmqctl"), ["stop"], Environment(), check: false);
        if (!await ProcessExit.WaitAsync(server, StopTimeout))
        {
            server.Kill(entireProcessTree: true);
        }

        // The node's private port mapper outlives it; nothing else uses it.
        await Command.Run("epmd", ["-kill"], Environment(), check: false);
        this.server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private Dictionary<string, string> Environment() => new()
    {
        ["HOME"] = folder,
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(),
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
        ["ERL_EPMD_PORT"] = portMapperPort.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config"),
    };
}
