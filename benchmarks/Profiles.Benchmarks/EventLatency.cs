using System.Diagnostics;
using CrmPlatform.AppHost.Infrastructure;
using CrmPlatform.Contracts.Profiles.V1;
using Grpc.Core;
using Npgsql;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// How long an event takes from the change that raised it to each consumer, at a steady pace of
/// companies created through the gateway. Read where it lands: a consumer's inbox row holds the
/// moment its transaction began, and the message id (the event's UUIDv7) the millisecond the
/// event was raised, a moment before Profiles committed it; so the figure slightly overstates
/// commit → consumer.
/// </summary>
public static class EventLatency
{
    public static readonly string[] Services = ["interactions", "billing", "segmentation"];

    /// <returns>Per consumer, the milliseconds from each event raised to that consumer's transaction.</returns>
    public static async Task<Dictionary<string, List<double>>> AtSteadyPace(
        Platform platform, CompaniesService.CompaniesServiceClient companies, IReadOnlyList<Company> rows, int perSecond)
    {
        var start = await EventFlow.DatabaseNow(platform);
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var calls = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rows.Count; i++)
        {
            // Paced by the clock, not by the answers: a slow answer must not slow the offered load.
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            calls.Add(companies.CreateCompanyAsync(new CreateCompanyRequest { Company = rows[i] }).ResponseAsync);
        }

        // A call the overloaded machine refused raised no event; the rest are measured.
        try
        {
            await Task.WhenAll(calls);
        }
        catch (RpcException)
        {
            Console.WriteLine($"  {calls.Count(c => c.IsFaulted)} of {calls.Count} calls failed: {calls.First(c => c.IsFaulted).Exception!.InnerException!.Message}");
        }

        await EventDelivery.WaitUntilQuiet(platform, TimeSpan.FromMinutes(5));

        var latencies = new Dictionary<string, List<double>>();
        foreach (var service in Services)
        {
            await Latencies(platform, service, start, latencies);
        }

        return latencies;
    }

    private static async Task Latencies(Platform platform, string service, DateTimeOffset since, Dictionary<string, List<double>> byConsumer)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString(service));
        await connection.OpenAsync();
        // Only CompanyCreated flows while it measures, so every inbox row since the start is one
        // consumer of one (Interactions has two: its known companies and its contact targets).
        await using var command = new NpgsqlCommand(
            "SELECT consumer, message_id, processed_at FROM inbox_messages WHERE processed_at >= $1", connection);
        command.Parameters.AddWithValue(since);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var consumer = reader.GetString(0);
            if (!byConsumer.TryGetValue(consumer, out var latencies))
            {
                byConsumer[consumer] = latencies = [];
            }

            latencies.Add((reader.GetFieldValue<DateTimeOffset>(2) - RaisedAt(reader.GetGuid(1))).TotalMilliseconds);
        }
    }

    /// <summary>A UUIDv7's first 48 bits: the Unix time in milliseconds when it was made.</summary>
    private static DateTimeOffset RaisedAt(Guid eventId)
    {
        var bytes = eventId.ToByteArray(bigEndian: true);
        var milliseconds = 0L;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
