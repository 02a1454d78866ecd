using System.Diagnostics;
using CrmPlatform.AppHost.Infrastructure;
using Npgsql;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// Each imported company raises a CompanyCreated event that Interactions, Billing and Segmentation
/// each consume, long after the import has reported. Counted where it lands: Profiles' outbox
/// empties, and each consumer's inbox gains a row per event (one CompanyCreated consumer per
/// service; the inbox is never pruned).
/// </summary>
public static class EventDelivery
{
    private static readonly string[] Consumers = ["interactions", "billing", "segmentation"];

    /// <summary>Waits until the outbox is empty and no consumer's inbox has grown for a few seconds.</summary>
    public static async Task WaitUntilQuiet(Platform platform, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = await Handled(platform);
        while (clock.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            var now = await Handled(platform);
            if (now.SequenceEqual(last) && await Count(platform, "profiles", "outbox_messages") == 0)
            {
                return;
            }

            last = now;
        }

        throw new TimeoutException($"Events still flowing after {timeout.TotalSeconds:0} s.");
    }

    /// <summary>
    /// Once deliveries are flowing, how many events a second reach all three consumers (the
    /// slowest one's pace), over <paramref name="window"/> or until the backlog runs out, and how
    /// many are still waiting in the outbox.
    /// </summary>
    public static async Task<(double PerSecond, long Waiting)> Rate(Platform platform, TimeSpan window)
    {
        var before = await Handled(platform);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await Handled(platform)).SequenceEqual(before))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No event was delivered within two minutes of RabbitMQ starting.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        // Reconnecting consumers start slowly; leave them a few seconds before counting.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var start = await Handled(platform);
        var clock = Stopwatch.StartNew();
        var (delivered, at) = (0L, TimeSpan.Zero);
        while (clock.Elapsed < window)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var now = start.Zip(await Handled(platform), (s, e) => e - s).Min();
            if (now > delivered)
            {
                (delivered, at) = (now, clock.Elapsed);
            }
            else if (await Count(platform, "profiles", "outbox_messages") == 0)
            {
                // All delivered: the rate is the pace until the last one.
                break;
            }
        }

        return (delivered / at.TotalSeconds, await Count(platform, "profiles", "outbox_messages"));
    }

    private static async Task<long[]> Handled(Platform platform) =>
        await Task.WhenAll(Consumers.Select(service => Count(platform, service, "inbox_messages")));

    private static async Task<long> Count(Platform platform, string database, string table)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString(database));
        await connection.OpenAsync();
        // Table names are this class's constants.
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
