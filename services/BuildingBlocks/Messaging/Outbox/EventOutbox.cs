using System.Text.Json;
using CrmPlatform.EventContracts;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Messaging.Outbox;

internal sealed class EventOutbox<TContext>(TContext db) : IEventOutbox
    where TContext : DbContext
{
    public void Enqueue(IntegrationEvent integrationEvent) => db.Set<OutboxMessage>().Add(ToMessage(integrationEvent));

    public async Task EnqueueManyAsync(IEnumerable<IntegrationEvent> integrationEvents, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bulk events must be written inside the transaction of the change that caused them.");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY outbox_messages (message_id, message_type, body, created_at, attempts) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var message in integrationEvents.Select(ToMessage))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(message.MessageId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(message.MessageType, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(message.Body, NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(message.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private OutboxMessage ToMessage(IntegrationEvent integrationEvent)
    {
        // A tenant's context raises its own tenant's events only; the gateway's catalog spans tenants.
        if (db is TenantDbContext tenantDb && integrationEvent.TenantId != tenantDb.TenantId)
        {
            throw new CrossTenantWriteException(
                $"An event of tenant {integrationEvent.TenantId} was raised in a context bound to tenant {tenantDb.TenantId}.");
        }

        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            MessageId = integrationEvent.EventId,
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(integrationEvent, type, OutboxJson.Options),
            CreatedAt = integrationEvent.OccurredAt,
        };
    }
}
