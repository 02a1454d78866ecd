using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CrmPlatform.Benchmarks;

/// <summary>The body both paths carry: about the size of a CompanyCreated event.</summary>
public sealed record BenchmarkEvent(Guid Id, string Name, string Padding, DateTimeOffset At);

/// <summary>
/// MassTransit publishing and consuming through the platform's broker against the raw RabbitMQ
/// client doing the same with the same durability: a durable fanout exchange and queue,
/// persistent messages, publisher confirms, manual acknowledgement after the handler, the same
/// prefetch, and the same number of publishes in flight (each path awaits its confirms a window
/// at a time). What MassTransit adds is its envelope, serialisation, topology and pipeline.
/// </summary>
public static class BrokerBaseline
{
    private const int InFlight = 100;
    private const ushort Prefetch = 100;

    public static async Task<(TimeSpan Raw, TimeSpan MassTransit)> Run(string amqp, int messages)
    {
        var bodies = Enumerable.Range(0, messages).Select(i => new BenchmarkEvent(Guid.CreateVersion7(), $"Company {i}", new string('x', 300), DateTimeOffset.UtcNow)).ToList();
        // Each path once, small, to warm up, then measured.
        await Raw(amqp, bodies[..Math.Min(1000, messages)]);
        await ViaMassTransit(amqp, bodies[..Math.Min(1000, messages)]);
        return (await Raw(amqp, bodies), await ViaMassTransit(amqp, bodies));
    }

    private static async Task<TimeSpan> Raw(string amqp, IReadOnlyList<BenchmarkEvent> bodies)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null));
        await using var consumerChannel = await connection.CreateChannelAsync();
        await publisher.ExchangeDeclareAsync("benchmark-raw", ExchangeType.Fanout, durable: true);
        await publisher.QueueDeclareAsync("benchmark-raw", durable: true, exclusive: false, autoDelete: false);
        await publisher.QueueBindAsync("benchmark-raw", "benchmark-raw", "");
        await publisher.QueuePurgeAsync("benchmark-raw");

        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await consumerChannel.BasicQosAsync(0, Prefetch, global: false);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            // Read as a consumer would, then acknowledged.
            JsonSerializer.Deserialize<BenchmarkEvent>(delivery.Body.Span);
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref received) == bodies.Count)
            {
                done.SetResult();
            }
        };

        var clock = Stopwatch.StartNew();
        var tag = await consumerChannel.BasicConsumeAsync("benchmark-raw", autoAck: false, consumer);
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        foreach (var window in bodies.Chunk(InFlight))
        {
            await Task.WhenAll(window.Select(body =>
                publisher.BasicPublishAsync("benchmark-raw", "", mandatory: false, properties, JsonSerializer.SerializeToUtf8Bytes(body)).AsTask()));
        }

        await done.Task;
        clock.Stop();
        await consumerChannel.BasicCancelAsync(tag);
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> ViaMassTransit(string amqp, IReadOnlyList<BenchmarkEvent> bodies)
    {
        var broker = new Uri(amqp);
        var (user, password) = (Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]), Uri.UnescapeDataString(broker.UserInfo.Split(':')[1]));
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker.Host, (ushort)broker.Port, "/", host =>
            {
                host.Username(user);
                host.Password(password);
                host.PublisherConfirmation = true;
            });
            rabbit.ReceiveEndpoint("benchmark-masstransit", endpoint =>
            {
                endpoint.PrefetchCount = Prefetch;
                endpoint.PurgeOnStartup = true;
                endpoint.Handler<BenchmarkEvent>(_ =>
                {
                    if (Interlocked.Increment(ref received) == bodies.Count)
                    {
                        done.SetResult();
                    }

                    return Task.CompletedTask;
                });
            });
        });

        await bus.StartAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            foreach (var window in bodies.Chunk(InFlight))
            {
                await Task.WhenAll(window.Select(body => bus.Publish(body)));
            }

            await done.Task;
            return clock.Elapsed;
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
