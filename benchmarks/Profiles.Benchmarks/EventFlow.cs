using CrmPlatform.AppHost.Infrastructure;
using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.Contracts.Profiles.V1;
using Grpc.Net.Client;
using Npgsql;
using Spectre.Console;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// The event path on its own: MassTransit against the raw RabbitMQ client, the latency from a
/// change to every consumer at a steady pace, and how long a bulk import's events take to reach
/// every consumer.
/// </summary>
public static class EventFlow
{
    private const int SteadyPerSecond = 100;
    private const int SteadySeconds = 30;
    private const int BrokerMessages = 20_000;

    public static async Task Run(Platform platform, TenantAdminService.TenantAdminServiceClient admin, GrpcChannel gateway, int importSize, int seed)
    {
        Console.WriteLine($"MassTransit and the raw RabbitMQ client, {BrokerMessages:N0} messages each ...");
        var (raw, massTransit) = await BrokerBaseline.Run(platform.BrokerConnectionString, BrokerMessages);
        var brokerTable = new Table().Title("Publish and consume, same broker, same durability, same run")
            .AddColumns("Messages", "raw RabbitMQ client", "msg/s", "MassTransit", "msg/s", "MassTransit ÷ raw");
        brokerTable.AddRow($"{BrokerMessages:N0}", $"{raw.TotalSeconds:0.00} s", $"{BrokerMessages / raw.TotalSeconds:N0}",
            $"{massTransit.TotalSeconds:0.00} s", $"{BrokerMessages / massTransit.TotalSeconds:N0}", $"{raw / massTransit:0.00}");
        AnsiConsole.Write(brokerTable);

        var steady = await TenantKey.Create(admin, "events-steady");
        var companies = new CompaniesService.CompaniesServiceClient(steady.Caller(gateway));
        var rows = CompanyGenerator.Generate(SteadyPerSecond * (SteadySeconds + 5), seed);
        Console.WriteLine($"Creating companies at {SteadyPerSecond}/s (5 s to warm up, then {SteadySeconds} s measured) ...");
        await EventLatency.AtSteadyPace(platform, companies, rows[..(SteadyPerSecond * 5)], SteadyPerSecond);
        var latencies = await EventLatency.AtSteadyPace(platform, companies, rows[(SteadyPerSecond * 5)..], SteadyPerSecond);
        var latencyTable = new Table().Title($"CompanyCreated at {SteadyPerSecond}/s: event raised → consumer's transaction, ms")
            .AddColumns("Consumer", "events", "p50", "p95", "p99", "max");
        foreach (var (consumer, sample) in latencies.OrderBy(l => l.Key))
        {
            sample.Sort();
            latencyTable.AddRow(consumer, $"{sample.Count:N0}", $"{Percentile(sample, 50):0.0}", $"{Percentile(sample, 95):0.0}",
                $"{Percentile(sample, 99):0.0}", $"{Percentile(sample, 100):0.0}");
        }

        AnsiConsole.Write(latencyTable);

        // The import runs with the broker stopped, so its events wait in the outbox and the drain is
        // measured from the moment the broker is back, alone.
        var bulk = await TenantKey.Create(admin, "events-bulk");
        await platform.Broker.StopAsync();
        Console.WriteLine($"Importing {importSize:N0} companies with RabbitMQ stopped ...");
        await GrpcImport.Run(new BulkService.BulkServiceClient(bulk.Caller(gateway)), CompanyGenerator.Generate(importSize, seed + 1));
        Console.WriteLine("Starting RabbitMQ; waiting until every consumer has every event ...");
        var started = await DatabaseNow(platform);
        var cpuBefore = ProcessorTimes(platform);
        await platform.Broker.StartAsync();
        await EventDelivery.WaitUntilQuiet(platform, TimeSpan.FromHours(3));
        var cpuAfter = ProcessorTimes(platform);
        var last = await LastHandled(platform, started);
        var drained = (last - started).TotalSeconds;
        Console.WriteLine($"The {importSize:N0} CompanyCreated events reached every consumer {drained:0.0} s after RabbitMQ started " +
            $"({importSize / drained:N0} events/s; a million at that pace: {1_000_000 / (importSize / drained) / 60:0.0} min).");

        // Processor time is what two shared cores run out of; unlike the rate, it hardly moves with
        // whatever else the machine is doing.
        var cpuTable = new Table().Title("Processor time per event during the drain").AddColumns("Process", "CPU ms per event");
        foreach (var (name, before) in cpuBefore)
        {
            if (cpuAfter.TryGetValue(name, out var after))
            {
                cpuTable.AddRow(name, $"{(after - before).TotalMilliseconds / importSize:0.00}");
            }
        }

        AnsiConsole.Write(cpuTable);
    }

    /// <summary>The processor time each running service process has used so far.</summary>
    private static Dictionary<string, TimeSpan> ProcessorTimes(Platform platform) =>
        platform.Processes.Where(p => p.ProcessId is not null)
            .ToDictionary(p => p.Name, p => System.Diagnostics.Process.GetProcessById(p.ProcessId!.Value).TotalProcessorTime);

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<DateTimeOffset> LastHandled(Platform platform, DateTimeOffset since)
    {
        var last = since;
        foreach (var service in EventLatency.Services)
        {
            await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString(service));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT max(processed_at) FROM inbox_messages WHERE processed_at >= $1", connection);
            command.Parameters.AddWithValue(since);
            if (await command.ExecuteScalarAsync() is DateTime at && at > last)
            {
                last = at;
            }
        }

        return last;
    }

    public static async Task<DateTimeOffset> DatabaseNow(Platform platform)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("profiles"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT now()", connection);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!);
    }
}
