using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Messaging.Wakeups;

/// <summary>
/// A background worker that acts when a moment comes (a due date passing, a verdict's window
/// emptying), not on a nightly batch: it runs, sleeps as long as its run says (until the next
/// alarm), and wakes early when <typeparamref name="TSignal"/> is raised. A failed run is logged
/// and tried again shortly; the worker never stops for it.
/// </summary>
public abstract class AlarmWatcher<TSignal>(TSignal signal, ILogger logger) : BackgroundService
    where TSignal : AlarmSignal
{
    /// <summary>Handles every alarm that has come; returns how long to sleep until the next.</summary>
    public abstract Task<TimeSpan> RunOnce(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                sleep = await RunOnce(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Watcher} failed; it tries again shortly.", GetType().Name);
                sleep = TimeSpan.FromSeconds(30);
            }

            try
            {
                await signal.WaitAsync(sleep, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
