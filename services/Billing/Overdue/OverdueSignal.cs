namespace CrmPlatform.Billing.Overdue;

/// <summary>
/// Wakes the watcher early: an alarm was set that may come before the one it sleeps towards. An
/// alarm set inside a transaction is invisible until it commits, so it is only marked pending
/// then, and the commit (<see cref="OverdueWakeOnCommit"/>) wakes the watcher.
/// </summary>
public sealed class OverdueSignal
{
    private readonly SemaphoreSlim wake = new(0, 1);
    private int pending;

    public void Armed() => Interlocked.Exchange(ref pending, 1);

    public void Committed()
    {
        if (Interlocked.Exchange(ref pending, 0) == 1)
        {
            Wake();
        }
    }

    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);
}
