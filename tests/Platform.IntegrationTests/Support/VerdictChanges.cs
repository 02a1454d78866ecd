using System.Collections.Concurrent;
using CrmPlatform.EventContracts.Interactions.V1;
using MassTransit;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// Every ContactVerdictChanged the platform publishes while it listens, as a consumer of the
/// event would get it: its own queue bound to the event's exchange, gone when disposed.
/// </summary>
public sealed class VerdictChanges : IAsyncDisposable
{
    private readonly ConcurrentQueue<ContactVerdictChanged> received = new();
    private IBusControl bus = null!;

    public static async Task<VerdictChanges> Listen(PlatformFixture platform)
    {
        var changes = new VerdictChanges();
        var broker = new Uri(platform.BrokerConnectionString);
        var credentials = broker.UserInfo.Split(':');
        changes.bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker.Host, (ushort)broker.Port, "/", host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
            });
            rabbit.ReceiveEndpoint($"verdict-changes-test-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<ContactVerdictChanged>(context =>
                {
                    changes.received.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await changes.bus.StartAsync();
        return changes;
    }

    /// <summary>The first change received that matches, waiting up to <paramref name="timeout"/> for it.</summary>
    public Task<ContactVerdictChanged> Next(Func<ContactVerdictChanged, bool> match, string what, TimeSpan timeout) =>
        Eventually.Get(() => Task.FromResult(received.FirstOrDefault(match)), what, timeout);

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
