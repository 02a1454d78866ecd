using CrmPlatform.EventContracts;

namespace CrmPlatform.Messaging.Outbox;

/// <summary>
/// Where services put the events their changes cause. Nothing is published here: the event is
/// saved by the caller's next SaveChanges, in the same transaction as the change, and relayed
/// after commit, so a rolled-back change publishes nothing and a committed one is never lost.
/// </summary>
public interface IEventOutbox
{
    void Enqueue(IntegrationEvent integrationEvent);

    /// <summary>
    /// Many events at once, for bulk writes: copied straight into the outbox table within the
    /// caller's open transaction (which must exist), so they commit or roll back with it.
    /// </summary>
    Task EnqueueManyAsync(IEnumerable<IntegrationEvent> integrationEvents, CancellationToken cancellationToken);
}
