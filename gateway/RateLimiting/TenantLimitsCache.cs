using System.Collections.Concurrent;
using CrmPlatform.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// Each tenant's limits, read from the catalog and kept for a few seconds as the key cache keeps
/// keys: an operator's change made through this gateway applies at once, and other gateway
/// instances follow within <see cref="CacheFor"/>.
/// </summary>
public sealed class TenantLimitsCache(IServiceScopeFactory scopes, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (TenantLimits Limits, DateTimeOffset Until)> cache = new();

    public async ValueTask<TenantLimits> Get(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(tenantId, out var cached) && cached.Until >= now)
        {
            return cached.Limits;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new { t.Plan, t.RequestsPerSecond, t.Burst, t.ConcurrentBulkOperations })
            .SingleOrDefaultAsync(cancellationToken);

        // A tenant removed between authentication and here gets the default; its key is refused next time anyway.
        var limits = tenant is null
            ? options.Value.For("", null, null, null)
            : options.Value.For(tenant.Plan, tenant.RequestsPerSecond, tenant.Burst, tenant.ConcurrentBulkOperations);
        cache[tenantId] = (limits, now + CacheFor);
        return limits;
    }

    public void Invalidate(Guid tenantId) => cache.TryRemove(tenantId, out _);
}
