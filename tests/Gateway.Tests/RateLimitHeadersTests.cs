using CrmPlatform.Gateway.RateLimiting;

namespace CrmPlatform.Gateway.Tests;

public class RateLimitHeadersTests
{
    private static readonly TenantLimits Limits = new(RequestsPerSecond: 200, Burst: 400, ConcurrentBulkOperations: 4);

    [Fact]
    public void Policy_GivesTheBurstAndTheSecondsToRefillIt()
    {
        Assert.Equal("\"tenant\";q=400;w=2", RateLimitHeaders.Policy(Limits));
    }

    [Fact]
    public void Policy_RoundsAPartialWindowUp()
    {
        Assert.Equal("\"tenant\";q=5;w=3", RateLimitHeaders.Policy(new TenantLimits(2, 5, 1)));
    }

    [Fact]
    public void Current_GivesTheTokensLeftAndWholeSecondsUntilFull()
    {
        var state = new BucketState(true, Limits, Remaining: 37, UntilFull: TimeSpan.FromSeconds(1.2), RetryAfter: TimeSpan.Zero);

        Assert.Equal("\"tenant\";r=37;t=2", RateLimitHeaders.Current(state));
    }

    [Fact]
    public void Current_SaysZeroSeconds_WhenTheBucketIsFull()
    {
        var state = new BucketState(true, Limits, Remaining: 400, UntilFull: TimeSpan.Zero, RetryAfter: TimeSpan.Zero);

        Assert.Equal("\"tenant\";r=400;t=0", RateLimitHeaders.Current(state));
    }

    [Theory]
    [InlineData(5, "1")]
    [InlineData(1000, "1")]
    [InlineData(1001, "2")]
    [InlineData(0, "1")]
    public void RetryAfter_IsWholeSecondsRoundedUp_AndNeverZero(int milliseconds, string expected)
    {
        Assert.Equal(expected, RateLimitHeaders.RetryAfter(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
