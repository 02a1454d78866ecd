using CrmPlatform.Gateway.RateLimiting;

namespace CrmPlatform.Gateway.Tests;

public class RateLimitOptionsTests
{
    private static readonly RateLimitOptions Options = new()
    {
        Default = new PlanLimits { RequestsPerSecond = 200, Burst = 400, ConcurrentBulkOperations = 4 },
        Plans = new(StringComparer.OrdinalIgnoreCase) { ["enterprise"] = new PlanLimits { RequestsPerSecond = 1000, Burst = 2000, ConcurrentBulkOperations = 8 } },
    };

    [Fact]
    public void For_GivesThePlansLimits()
    {
        Assert.Equal(new TenantLimits(1000, 2000, 8), Options.For("enterprise", null, null, null));
    }

    [Fact]
    public void For_GivesTheDefault_ForAnUnlistedPlan()
    {
        Assert.Equal(new TenantLimits(200, 400, 4), Options.For("test", null, null, null));
    }

    [Fact]
    public void For_AppliesEachOverrideOnItsOwn()
    {
        Assert.Equal(new TenantLimits(1000, 50, 8), Options.For("enterprise", null, 50, null));
    }
}
