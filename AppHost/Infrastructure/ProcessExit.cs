using System.Diagnostics;

namespace CrmPlatform.AppHost.Infrastructure;

public static class ProcessExit
{
    /// <summary>
    /// Whether the process itself exited within <paramref name="timeout"/>. Process.WaitForExitAsync
    /// also waits for redirected output to close, which a child the process left behind (RabbitMQ's
    /// port mapper) can hold open long after the process is gone.
    /// </summary>
    public static async Task<bool> WaitAsync(Process process, TimeSpan timeout)
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited)
        {
            return true;
        }

        try
        {
            await exited.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return process.HasExited;
        }
    }
}
