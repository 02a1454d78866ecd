using CrmPlatform.AppHost.Infrastructure;
using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// Where a Docker engine answers, PostgreSQL and RabbitMQ run as Testcontainers containers and
/// are handed to the AppHost's platform model; elsewhere (CI here) the AppHost starts private
/// server processes itself. Either way the same platform code runs.
/// </summary>
internal static class Containers
{
    public static async Task<(IDatabaseServer Database, IMessageBroker Broker)?> TryStart()
    {
        PostgreSqlContainer database;
        try
        {
            database = new PostgreSqlBuilder("postgres:15").Build();
            await database.StartAsync();
        }
        catch (DockerUnavailableException)
        {
            // No Docker engine: the caller falls back to local server processes.
            return null;
        }

        // A fixed host port, so the broker comes back on the same address after the outage tests stop it.
        var brokerPort = FreePort.Pick();
        var broker = new RabbitMqBuilder("rabbitmq:3.10").WithPortBinding(brokerPort, RabbitMqBuilder.RabbitMqPort).Build();
        await broker.StartAsync();
        return (new ContainerDatabase(database), new ContainerBroker(broker, brokerPort));
    }

    private sealed class ContainerDatabase(PostgreSqlContainer container) : IDatabaseServer
    {
        public string SuperuserConnectionString(string database = "postgres") =>
            new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = database, Pooling = false }.ConnectionString;

        public Task StartAsync(CancellationToken cancellationToken = default) => container.StartAsync(cancellationToken);

        public Task StopAsync() => container.StopAsync();

        public ValueTask DisposeAsync() => container.DisposeAsync();
    }

    private sealed class ContainerBroker(RabbitMqContainer container, int port) : IMessageBroker
    {
        public string ConnectionString => $"amqp://{RabbitMqBuilder.DefaultUsername}:{RabbitMqBuilder.DefaultPassword}@127.0.0.1:{port}/";

        public Task StartAsync(CancellationToken cancellationToken = default) => container.StartAsync(cancellationToken);

        public Task StopAsync() => container.StopAsync();

        public ValueTask DisposeAsync() => container.DisposeAsync();
    }
}
