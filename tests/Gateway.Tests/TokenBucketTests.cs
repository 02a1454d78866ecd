using CrmPlatform.Gateway.RateLimiting;

namespace CrmPlatform.Gateway.Tests;

public class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TenantLimits Limits = new(RequestsPerSecond: 10, Burst: 20, ConcurrentBulkOperations: 2);

    [Fact]
    public void TryTake_GrantsTheWholeBurstAtOnce()
    {
        var bucket = new TokenBucket(Limits, Start);

        var states = Enumerable.Range(0, 20).Select(_ => bucket.TryTake(1, Start)).ToList();

        Assert.All(states, s => Assert.True(s.Granted));
        Assert.Equal(0, states[^1].Remaining);
    }

    [Fact]
    public void TryTake_RefusesPastTheBurst_WithTheWaitForOneToken()
    {
        var bucket = new TokenBucket(Limits, Start);
        for (var i = 0; i < 20; i++)
        {
            bucket.TryTake(1, Start);
        }

        var refused = bucket.TryTake(1, Start);

        Assert.False(refused.Granted);
        Assert.Equal(TimeSpan.FromMilliseconds(100), refused.RetryAfter);
    }

    [Fact]
    public void TryTake_RefillsAtTheRate()
    {
        var bucket = new TokenBucket(Limits, Start);
        bucket.TryTake(20, Start);

        var later = bucket.TryTake(1, Start.AddSeconds(0.5));

        Assert.True(later.Granted);
        Assert.Equal(4, later.Remaining);
    }

    [Fact]
    public void TryTake_NeverRefillsPastTheBurst()
    {
        var bucket = new TokenBucket(Limits, Start);

        var state = bucket.TryTake(1, Start.AddHours(1));

        Assert.Equal(19, state.Remaining);
    }

    [Fact]
    public void TryTake_TellsTheTimeUntilTheBucketIsFull()
    {
        var bucket = new TokenBucket(Limits, Start);

        var state = bucket.TryTake(5, Start);

        Assert.Equal(TimeSpan.FromSeconds(0.5), state.UntilFull);
    }

    [Fact]
    public void TryTake_TakesNothing_WhenTheCostIsNotThere()
    {
        var bucket = new TokenBucket(Limits, Start);
        bucket.TryTake(15, Start);

        bucket.TryTake(10, Start);

        Assert.True(bucket.TryTake(5, Start).Granted);
    }

    [Fact]
    public void Charge_RunsIntoDebt_AndSaysHowLongUntilItIsPaid()
    {
        var bucket = new TokenBucket(Limits, Start);

        var wait = bucket.Charge(25, Start);

        Assert.Equal(TimeSpan.FromSeconds(0.5), wait);
        Assert.False(bucket.TryTake(1, Start.AddSeconds(0.5)).Granted);
    }

    [Fact]
    public void Retune_CapsTheTokensLeftAtTheNewBurst()
    {
        var bucket = new TokenBucket(Limits, Start);

        bucket.Retune(new TenantLimits(1, 3, 1), Start);

        Assert.Equal(2, bucket.TryTake(1, Start).Remaining);
    }

    [Fact]
    public void TryEnterBulk_RefusesPastTheConcurrentLimit_UntilOneExits()
    {
        var bucket = new TokenBucket(Limits, Start);
        Assert.True(bucket.TryEnterBulk());
        Assert.True(bucket.TryEnterBulk());

        Assert.False(bucket.TryEnterBulk());
        bucket.ExitBulk();
        Assert.True(bucket.TryEnterBulk());
    }
}
