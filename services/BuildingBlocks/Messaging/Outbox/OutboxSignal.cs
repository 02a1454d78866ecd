using System.Threading.Channels;
using CrmPlatform.Messaging.Wakeups;

namespace CrmPlatform.Messaging.Outbox;

/// <summary>Wakes the relay the moment a transaction commits, instead of letting events wait for the next poll.</summary>
public sealed class OutboxSignal : ICommitListener
{
    // One pending wake-up is enough: the relay drains everything committed when it runs.
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => wakeUps.Writer.TryWrite(true);

    /// <summary>Events saved inside an explicit transaction were invisible until it committed.</summary>
    public void Committed() => Notify();

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await wakeUps.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
