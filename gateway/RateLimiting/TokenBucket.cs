namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// One tenant's requests: up to <c>Burst</c> tokens, refilled continuously at
/// <c>RequestsPerSecond</c>. Ours rather than System.Threading.RateLimiting's because clients are
/// told what is left and when it refills, and a streaming upload is charged as it goes, which
/// needs a bucket that can be read and run briefly into debt. Limits can change under it: the
/// tokens left carry over, capped at the new burst.
/// </summary>
public sealed class TokenBucket(TenantLimits limits, DateTimeOffset now)
{
    private readonly Lock gate = new();
    private double tokens = limits.Burst;
    private DateTimeOffset refilledAt = now;
    private int bulkRunning;

    public TenantLimits Limits { get; private set; } = limits;

    public void Retune(TenantLimits limits, DateTimeOffset now)
    {
        lock (gate)
        {
            Refill(now);
            Limits = limits;
            tokens = Math.Min(tokens, limits.Burst);
        }
    }

    /// <summary>Takes <paramref name="cost"/> tokens if they are all there; never takes part of it.</summary>
    public BucketState TryTake(double cost, DateTimeOffset now)
    {
        lock (gate)
        {
            Refill(now);
            var granted = tokens >= cost;
            if (granted)
            {
                tokens -= cost;
            }

            var retryAfter = granted ? TimeSpan.Zero : Seconds((cost - tokens) / Limits.RequestsPerSecond);
            return State(granted, retryAfter);
        }
    }

    /// <summary>
    /// Takes <paramref name="cost"/> tokens even if that leaves the bucket in debt, and says how
    /// long to wait until it is out of debt: an upload already under way is slowed, not failed.
    /// </summary>
    public TimeSpan Charge(double cost, DateTimeOffset now)
    {
        lock (gate)
        {
            Refill(now);
            tokens -= cost;
            return tokens >= 0 ? TimeSpan.Zero : Seconds(-tokens / Limits.RequestsPerSecond);
        }
    }

    public bool TryEnterBulk()
    {
        lock (gate)
        {
            if (bulkRunning >= Limits.ConcurrentBulkOperations)
            {
                return false;
            }

            bulkRunning++;
            return true;
        }
    }

    public void ExitBulk()
    {
        lock (gate)
        {
            bulkRunning--;
        }
    }

    private void Refill(DateTimeOffset now)
    {
        var elapsed = (now - refilledAt).TotalSeconds;
        if (elapsed > 0)
        {
            tokens = Math.Min(Limits.Burst, tokens + elapsed * Limits.RequestsPerSecond);
            refilledAt = now;
        }
    }

    private BucketState State(bool granted, TimeSpan retryAfter) => new(
        granted,
        Limits,
        Remaining: (long)Math.Max(0, Math.Floor(tokens)),
        UntilFull: Seconds((Limits.Burst - tokens) / Limits.RequestsPerSecond),
        retryAfter);

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Max(0, seconds));
}
