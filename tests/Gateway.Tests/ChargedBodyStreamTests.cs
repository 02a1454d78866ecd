using CrmPlatform.Gateway.RateLimiting;

namespace CrmPlatform.Gateway.Tests;

public class ChargedBodyStreamTests
{
    [Fact]
    public async Task Reading_ChargesTheBucketPerChunk()
    {
        var clock = TimeProvider.System;
        var bucket = new TokenBucket(new TenantLimits(RequestsPerSecond: 1, Burst: 100, ConcurrentBulkOperations: 1), clock.GetUtcNow());
        var body = new ChargedBodyStream(new MemoryStream(new byte[10 * BulkCost.BytesPerToken]), bucket, clock);

        await body.CopyToAsync(Stream.Null);

        Assert.InRange(bucket.TryTake(1, clock.GetUtcNow()).Remaining, 88, 89);
    }

    [Fact]
    public async Task Reading_WaitsForTheBucket_WhenItRunsDry()
    {
        var clock = TimeProvider.System;
        var bucket = new TokenBucket(new TenantLimits(RequestsPerSecond: 20, Burst: 1, ConcurrentBulkOperations: 1), clock.GetUtcNow());
        var body = new ChargedBodyStream(new MemoryStream(new byte[5 * BulkCost.BytesPerToken]), bucket, clock);
        var started = clock.GetTimestamp();

        await body.CopyToAsync(Stream.Null);

        // Four tokens beyond the one in the bucket, at 20 a second: about 200 ms.
        Assert.True(clock.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(150));
    }
}
