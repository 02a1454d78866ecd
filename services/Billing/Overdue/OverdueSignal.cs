namespace CrmPlatform.Billing.Overdue;

/// <summary>Wakes the watcher early: an alarm was set that may come before the one it sleeps towards.</summary>
public sealed class OverdueSignal
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first: one wake is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);
}
