namespace CrmPlatform.Messaging.Wakeups;

/// <summary>
/// Wakes a watcher that sleeps until its next alarm (a due date, a verdict's next moment) early:
/// an alarm was set that may come before the one it sleeps towards. An alarm set inside a
/// transaction is invisible until it commits, so it is only marked pending then, and the commit
/// wakes the watcher. One class per watcher, so each has its own singleton.
/// </summary>
public abstract class AlarmSignal : ICommitListener
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
