namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>A RabbitMQ broker that can be stopped and started again on the same address (the tests' outage).</summary>
public interface IMessageBroker : IAsyncDisposable
{
    /// <summary>amqp://user:password@host:port/</summary>
    string ConnectionString { get; }

    Task StartAsync(CancellationToken cancellationToken = default);

    Task StopAsync();
}
