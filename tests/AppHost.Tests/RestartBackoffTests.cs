using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.AppHost.Tests;

public sealed class RestartBackoffTests
{
    [Fact]
    public void After_WaitsOneSecondBeforeTheFirstRestart()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RestartBackoff.After(1));
    }

    [Fact]
    public void After_DoublesWithEachRestart()
    {
        Assert.Equal(RestartBackoff.After(3) * 2, RestartBackoff.After(4));
    }

    [Fact]
    public void After_NeverWaitsLongerThanThirtySeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), RestartBackoff.After(1000));
    }
}
