using CrmPlatform.AppHost;
using CrmPlatform.AppHost.Infrastructure;

// Ctrl+C once stops everything in order; a second time leaves at once.
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
};

var console = new ResourceConsole();
await using var platform = await Platform.StartAsync(PlatformOptions.ForDevelopment(), console.Watch, stopping.Token);

var demo = await DemoTenant.CreateAsync(platform);
console.PrintWelcome(platform, demo);

await console.RunUntilStopped(platform, stopping.Token);
console.Say("Stopping the platform...");
