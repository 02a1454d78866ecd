using System.Collections.Concurrent;

namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// One bucket per tenant, so one tenant's flood empties only its own. Authenticated tenants only
/// reach here, so the dictionary is bounded by the catalog, not by what strangers send.
/// </summary>
public sealed class TenantBuckets(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, TokenBucket> buckets = new();

    public TokenBucket For(Guid tenantId, TenantLimits limits)
    {
        var now = clock.GetUtcNow();
        var bucket = buckets.GetOrAdd(tenantId, _ => new TokenBucket(limits, now));
        if (bucket.Limits != limits)
        {
            bucket.Retune(limits, now);
        }

        return bucket;
    }
}
