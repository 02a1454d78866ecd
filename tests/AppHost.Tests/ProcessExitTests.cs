using System.Diagnostics;
using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.AppHost.Tests;

public sealed class ProcessExitTests
{
    [Fact]
    public async Task WaitAsync_ReturnsWhenTheProcessExits_ThoughAChildStillHoldsItsOutput()
    {
        // The shell exits at once; the sleep it leaves behind keeps the output pipe open, as
        // RabbitMQ's port mapper does.
        using var process = Start("sleep 30 & exit 0");
        var clock = Stopwatch.StartNew();

        var exited = await ProcessExit.WaitAsync(process, TimeSpan.FromSeconds(20));

        Assert.True(exited && clock.Elapsed < TimeSpan.FromSeconds(10), $"exited {exited} after {clock.Elapsed}");
        process.Kill(entireProcessTree: true);
    }

    [Fact]
    public async Task WaitAsync_IsFalseWhenTheProcessOutlivesTheTimeout()
    {
        using var process = Start("sleep 30");

        var exited = await ProcessExit.WaitAsync(process, TimeSpan.FromMilliseconds(200));

        process.Kill(entireProcessTree: true);
        Assert.False(exited);
    }

    private static Process Start(string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
