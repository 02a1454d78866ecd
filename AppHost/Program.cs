using System.Runtime.InteropServices;
using CrmPlatform.AppHost;
using CrmPlatform.AppHost.Infrastructure;

// Ctrl+C (or SIGTERM) once stops everything in order; a second Ctrl+C leaves at once.
using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var console = new ResourceConsole();
await using var platform = await Platform.StartAsync(PlatformOptions.ForDevelopment(), console.Watch, stopping.Token);

var demo = await DemoTenant.CreateAsync(platform);
console.PrintWelcome(platform, demo);

await console.RunUntilStopped(platform, stopping.Token);
console.Say("Stopping the platform...");
