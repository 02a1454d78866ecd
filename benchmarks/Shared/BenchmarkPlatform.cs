using CrmPlatform.AppHost.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Spectre.Console;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// The whole platform as a benchmark runs it: the AppHost's own code starting every service as
/// built in this configuration (so `-c Release` runs Release services), on throwaway data, each
/// process's output kept beside the benchmark; and the gateway's gRPC channel with the operator's calls.
/// </summary>
public sealed class BenchmarkPlatform : IAsyncDisposable
{
    private BenchmarkPlatform(Platform platform, GrpcChannel gateway)
    {
        Platform = platform;
        Gateway = gateway;
        Operator = gateway.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {platform.OperatorKey}");
            return metadata;
        });
    }

    public Platform Platform { get; }

    public GrpcChannel Gateway { get; }

    /// <summary>Calls through the gateway with the operator key (crm.platform.v1).</summary>
    public CallInvoker Operator { get; }

    public static async Task<BenchmarkPlatform> StartAsync()
    {
        // Spectre assumes 80 columns when writing to a file or a pipe; the tables need more.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 140;
        }

        AnsiConsole.MarkupLine($"Services run as built in [bold]{BuildInfo.Configuration}[/]; {Environment.ProcessorCount} cores shared by them, PostgreSQL, RabbitMQ and this client.");
        if (BuildInfo.Configuration != "Release")
        {
            AnsiConsole.MarkupLine("[yellow]Not Release: run with -c Release for numbers worth comparing.[/]");
        }

        var logs = Path.Combine(AppContext.BaseDirectory, "platform-logs");
        Console.WriteLine($"Starting the platform (process logs in {logs}) ...");
        var platform = await Platform.StartAsync(PlatformOptions.ForTests(), ProcessLogs.KeptIn(logs));
        return new BenchmarkPlatform(platform, GrpcChannel.ForAddress(platform.GatewayGrpcUrl));
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await Platform.DisposeAsync();
    }
}
