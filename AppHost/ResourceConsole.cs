using System.Collections.Concurrent;
using CrmPlatform.AppHost.Infrastructure;
using Spectre.Console;

namespace CrmPlatform.AppHost;

/// <summary>
/// What the AppHost shows: in a terminal, a live table of resources over the latest log lines;
/// otherwise (CI, a log file) plain prefixed lines and a status line whenever a state changes.
/// </summary>
internal sealed class ResourceConsole
{
    private const int LogLines = 18;
    private const int NameWidth = 12;
    private static readonly string[] Colors = ["aqua", "lime", "fuchsia", "yellow", "orange1", "deepskyblue1"];

    private readonly bool live = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
    private readonly ConcurrentQueue<string> recent = new();
    private volatile bool showingTable;

    public void Watch(Platform platform)
    {
        foreach (var (process, index) in platform.Processes.Select((p, i) => (p, i)))
        {
            var color = Colors[index % Colors.Length];
            process.Log += (_, line) => Write($"[{color}]{process.Name,-NameWidth}[/] {Markup.Escape(line)}");
            process.Changed += _ =>
            {
                if (!live)
                {
                    Write($"[{color}]{process.Name,-NameWidth}[/] [grey]state {process.State}, healthy {process.Healthy?.ToString() ?? "?"}, restarts {process.Restarts}[/]");
                }
            };
        }
    }

    /// <summary>Plain lines, never wrapped, so keys and commands can be copied whole.</summary>
    public void PrintWelcome(Platform platform, DemoTenant demo)
    {
        var gateway = platform.GatewayRestUrl.ToString().TrimEnd('/');
        AnsiConsole.Write(new Rule("[green]CrmPlatform is running[/]"));
        Console.WriteLine($$"""
            REST gateway   {{gateway}}
            gRPC gateway   {{platform.GatewayGrpcUrl.ToString().TrimEnd('/')}} (HTTP/2, cleartext)
            Operator key   {{platform.OperatorKey}}
            Demo tenant    {{demo.Id}}
            Demo API key   {{demo.ApiKey}}   (shown once; a new key each run)

            Try:
              export KEY={{demo.ApiKey}}
              curl -s -X POST {{gateway}}/v1/companies -H "x-api-key: $KEY" -H 'content-type: application/json' -d '{"name":"Acme AB"}'
              curl -s {{gateway}}/v1/companies -H "x-api-key: $KEY"
              curl -s {{gateway}}/admin/v1/tenants -H "Authorization: Bearer {{platform.OperatorKey}}"

            Ctrl+C stops everything.

            """);
    }

    public void Say(string message) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    public async Task RunUntilStopped(Platform platform, CancellationToken stopping)
    {
        var health = WatchHealth(platform, stopping);
        if (!live)
        {
            await Wait(stopping);
            await health;
            return;
        }

        showingTable = true;
        await AnsiConsole.Live(Render(platform)).AutoClear(false).StartAsync(async context =>
        {
            while (!stopping.IsCancellationRequested)
            {
                context.UpdateTarget(Render(platform));
                await Wait(stopping, TimeSpan.FromMilliseconds(500));
            }
        });
        showingTable = false;
        await health;
    }

    private static async Task WatchHealth(Platform platform, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            await Task.WhenAll(platform.Processes.Select(p => p.CheckHealthAsync(CancellationToken.None)));
            await Wait(stopping, TimeSpan.FromSeconds(2));
        }
    }

    private Rows Render(Platform platform)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumns("Resource", "State", "URL", "Health", "Restarts");
        table.AddRow("postgres", "[green]Running[/]", Markup.Escape(Endpoint(platform.SuperuserConnectionString("postgres"))), "", "");
        table.AddRow("rabbitmq", "[green]Running[/]", Markup.Escape(new Uri(platform.BrokerConnectionString).GetComponents(UriComponents.SchemeAndServer, UriFormat.Unescaped)), "", "");
        foreach (var process in platform.Processes)
        {
            var state = process.State switch
            {
                ResourceState.Running => "[green]Running[/]",
                ResourceState.Restarting => "[yellow]Restarting[/]",
                ResourceState.Failed => "[red]Failed[/]",
                var other => other.ToString(),
            };
            var healthy = process.Healthy switch { true => "[green]Healthy[/]", false => "[red]Unhealthy[/]", null => "[grey]…[/]" };
            table.AddRow(process.Name, state, $"{process.RestUrl} {process.GrpcUrl}", healthy, process.Restarts.ToString());
        }

        return new Rows(table, new Panel(new Markup(string.Join('\n', recent))).Header("logs").Expand());
    }

    private void Write(string markup)
    {
        if (showingTable)
        {
            recent.Enqueue(markup);
            while (recent.Count > LogLines && recent.TryDequeue(out _))
            {
            }
        }
        else
        {
            AnsiConsole.MarkupLine(markup);
        }
    }

    private static string Endpoint(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Host}:{builder.Port}";
    }

    private static async Task Wait(CancellationToken stopping, TimeSpan? interval = null)
    {
        try
        {
            await Task.Delay(interval ?? Timeout.InfiniteTimeSpan, stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
