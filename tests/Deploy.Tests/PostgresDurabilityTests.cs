using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.Deploy.Tests;

public sealed class PostgresDurabilityTests
{
    [Fact]
    public void Run_KeepsItsDataDurable()
    {
        Assert.True(PlatformOptions.ForDevelopment().DurableStorage);
    }

    [Fact]
    public void Tests_TradeDurabilityForSpeed_OnTheirThrowawayData()
    {
        var options = PlatformOptions.ForTests();

        Assert.False(options.DurableStorage);
        Assert.True(options.DeleteDataOnStop);
    }

    [Fact]
    public void DurableServer_RunsWithFsyncSynchronousCommitAndFullPageWritesOn()
    {
        Assert.Equal(
            new[] { "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on" },
            PostgresServer.DurabilitySettings(durable: true));
    }

    [Fact]
    public void ThrowawayServer_RunsWithFsyncSynchronousCommitAndFullPageWritesOff()
    {
        Assert.Equal(
            new[] { "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off" },
            PostgresServer.DurabilitySettings(durable: false));
    }
}
