using System.Diagnostics;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>
/// One of our .NET processes (a service or the gateway) started from its build output, with its
/// logs captured, its /health watched and, when it crashes, restarted with back-off.
/// </summary>
public sealed class ServiceProcess(string name, string assemblyPath, IReadOnlyDictionary<string, string> environment, Uri restUrl, Uri grpcUrl)
    : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private Process? process;
    private bool stopRequested;
    private Task pendingRestart = Task.CompletedTask;
    private CancellationTokenSource restartDelay = new();

    public string Name { get; } = name;

    public Uri RestUrl { get; } = restUrl;

    public Uri GrpcUrl { get; } = grpcUrl;

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    public bool? Healthy { get; private set; }

    public int Restarts { get; private set; }

    /// <summary>The OS process id while running, for whoever wants to crash it from outside.</summary>
    public int? ProcessId => process is { HasExited: false } running ? running.Id : null;

    /// <summary>Every line the process writes, and what the supervisor does to it.</summary>
    public event Action<ServiceProcess, string>? Log;

    public event Action<ServiceProcess>? Changed;

    public Task StartAsync()
    {
        if (!File.Exists(assemblyPath))
        {
            SetState(ResourceState.Failed);
            throw new FileNotFoundException($"{Name}: {assemblyPath} is not built.", assemblyPath);
        }

        lock (gate)
        {
            stopRequested = false;
            Launch();
        }

        return Task.CompletedTask;
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await CheckHealthAsync(cancellationToken))
        {
            if (State == ResourceState.Failed || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not become healthy within {timeout.TotalSeconds:0} s (state {State}).");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        bool healthy;
        try
        {
            using var response = await Probe.GetAsync(new Uri(RestUrl, "/health"), cancellationToken);
            healthy = response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            healthy = false;
        }

        if (Healthy != healthy)
        {
            Healthy = healthy;
            Changed?.Invoke(this);
        }

        return healthy;
    }

    /// <summary>SIGKILL, as a crash would; not restarted until <see cref="StartAsync"/>.</summary>
    public Task KillAsync() => StopAsync(graceful: false);

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <see cref="StopGrace"/>.</summary>
    public Task StopAsync() => StopAsync(graceful: true);

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync(bool graceful)
    {
        Process? running;
        Task restart;
        lock (gate)
        {
            stopRequested = true;
            running = process;
            restart = pendingRestart;
            restartDelay.Cancel();
        }

        await restart;

        if (running is null || running.HasExited)
        {
            SetState(ResourceState.Stopped);
            return;
        }

        if (graceful)
        {
            Native.Signal(running.Id, Native.SigTerm);
            using var timeout = new CancellationTokenSource(StopGrace);
            try
            {
                await running.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (!running.HasExited)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }

        SetState(ResourceState.Stopped);
    }

    private void Launch()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assemblyPath },
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var started = Process.Start(start)!;
        started.EnableRaisingEvents = true;
        started.OutputDataReceived += (_, e) => Write(e.Data);
        started.ErrorDataReceived += (_, e) => Write(e.Data);
        started.Exited += (_, _) => OnExited(started);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;
        Healthy = null;
        SetState(ResourceState.Running);
    }

    private void OnExited(Process exited)
    {
        lock (gate)
        {
            if (stopRequested || !ReferenceEquals(exited, process))
            {
                return;
            }

            Restarts++;
            SetState(ResourceState.Restarting);
            var delay = RestartBackoff.After(Restarts);
            Write($"exited with code {exited.ExitCode}; restarting in {delay.TotalSeconds:0} s");
            restartDelay = new CancellationTokenSource();
            pendingRestart = RestartAsync(exited, delay, restartDelay.Token);
        }
    }

    /// <summary>
    /// Never faults: a restart that fails (the build output gone, dotnet not startable) is written
    /// to the log and leaves the resource Failed, rather than Restarting for ever in silence.
    /// </summary>
    private async Task RestartAsync(Process exited, TimeSpan delay, CancellationToken stopped)
    {
        try
        {
            await Task.Delay(delay, stopped);
            lock (gate)
            {
                if (!stopRequested && ReferenceEquals(exited, process))
                {
                    Launch();
                }
            }
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Write($"could not be restarted: {e}");
            SetState(ResourceState.Failed);
        }
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            Log?.Invoke(this, line);
        }
    }

    private void SetState(ResourceState state)
    {
        State = state;
        Changed?.Invoke(this);
    }
}
