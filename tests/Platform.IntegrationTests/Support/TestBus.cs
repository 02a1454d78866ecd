using MassTransit;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>A test's own bus on the platform's broker, stopped when the test is done with it.</summary>
public sealed class TestBus(IBusControl bus) : IAsyncDisposable
{
    private const string TenantHeader = "crm-tenant-id";

    public static async Task<TestBus> Start(PlatformFixture platform)
    {
        var broker = new Uri(platform.BrokerConnectionString);
        var credentials = broker.UserInfo.Split(':');
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker.Host, (ushort)broker.Port, "/", host =>
        {
            host.Username(Uri.UnescapeDataString(credentials[0]));
            host.Password(Uri.UnescapeDataString(credentials[1]));
        }));
        await bus.StartAsync();
        return new TestBus(bus);
    }

    /// <summary>Publishes as the outbox relay does: the event id is the message id.</summary>
    public Task Publish<T>(T message, Action<PublishContext<T>>? configure = null)
        where T : EventContracts.IntegrationEvent =>
        bus.Publish(message, context =>
        {
            context.MessageId = message.EventId;
            configure?.Invoke(context);
        });

    /// <summary>Publishes as a tenant's own event, with the tenant header the platform's publishers set.</summary>
    public Task PublishAs<T>(string tenantId, T message)
        where T : EventContracts.IntegrationEvent =>
        Publish(message, context => context.Headers.Set(TenantHeader, tenantId));

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
