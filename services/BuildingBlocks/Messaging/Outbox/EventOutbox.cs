using System.Text.Json;
using CrmPlatform.EventContracts;
using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Messaging.Outbox;

internal sealed class EventOutbox<TContext>(TContext db) : IEventOutbox
    where TContext : TenantDbContext
{
    public void Enqueue(IntegrationEvent integrationEvent)
    {
        if (integrationEvent.TenantId != db.TenantId)
        {
            throw new CrossTenantWriteException(
                $"An event of tenant {integrationEvent.TenantId} was raised in a context bound to tenant {db.TenantId}.");
        }

        var type = integrationEvent.GetType();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = integrationEvent.EventId,
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(integrationEvent, type, OutboxJson.Options),
            CreatedAt = integrationEvent.OccurredAt,
        });
    }
}
