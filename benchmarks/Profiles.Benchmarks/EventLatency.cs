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

    /// <returns>Per service, the milliseconds from each event raised to its consumer's transaction.</returns>
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
            latencies[service] = await Latencies(platform, service, start);
        }

        return latencies;
    }

    private static async Task<List<double>> Latencies(Platform platform, string service, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString(service));
        await connection.OpenAsync();
        // Every consumer of CompanyCreated in the service (Interactions has two).
        await using var command = new NpgsqlCommand(
            "SELECT message_id, processed_at FROM inbox_messages WHERE processed_at >= $1 AND consumer LIKE '%company-created%'", connection);
        command.Parameters.AddWithValue(since);
        var latencies = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var raised = RaisedAt(reader.GetGuid(0));
            latencies.Add((reader.GetFieldValue<DateTimeOffset>(1) - raised).TotalMilliseconds);
        }

        return latencies;
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
