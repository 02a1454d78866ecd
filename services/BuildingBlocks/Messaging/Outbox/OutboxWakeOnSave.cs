using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Messaging.Outbox;

/// <summary>Wakes the relay after a save that committed by itself (no explicit transaction around it).</summary>
internal sealed class OutboxWakeOnSave(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wake(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wake(eventData);
        return ValueTask.FromResult(result);
    }

    private void Wake(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
    }
}
