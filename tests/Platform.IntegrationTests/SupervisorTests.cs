using System.Diagnostics;
using CrmPlatform.IntegrationTests.Support;

namespace CrmPlatform.IntegrationTests;

/// <summary>The AppHost's supervisor, as the platform's processes experience it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SupervisorTests(PlatformFixture platform)
{
    [Fact]
    public async Task ServiceKilledFromOutside_IsRestartedAndHealthyAgain()
    {
        var billing = platform.Process("billing");
        var restartsBefore = billing.Restarts;
        var pid = billing.ProcessId ?? throw new InvalidOperationException("billing is not running");

        Process.GetProcessById(pid).Kill();

        await Eventually.True(
            async () => billing.Restarts == restartsBefore + 1 && billing.ProcessId is { } newPid && newPid != pid && await billing.CheckHealthAsync(),
            "billing to be restarted and healthy",
            TimeSpan.FromSeconds(60));
    }
}
