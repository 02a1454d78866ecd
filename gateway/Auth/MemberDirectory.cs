using System.Collections.Concurrent;
using CrmPlatform.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Gateway.Auth;

/// <summary>
/// The tenant's current members, looked up by id for integrations that act on a member's behalf.
/// Answers are cached for a few seconds like keys, and dropped at once when a member changes
/// through this gateway; an unknown or removed member is never cached.
/// </summary>
public sealed class MemberDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<(Guid Tenant, Guid Member), (ActingMember Member, DateTimeOffset Until)> cache = new();

    /// <returns>The member, or null when the tenant has no current member with this id.</returns>
    public async Task<ActingMember?> Find(Guid tenantId, Guid memberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue((tenantId, memberId), out var cached) && cached.Until > now)
        {
            return cached.Member;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var found = await db.Members.AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.Id == memberId && m.RemovedAt == null)
            .Select(m => new ActingMember(m.Id, m.Teams))
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[(tenantId, memberId)] = (found, now + CacheFor);
        return found;
    }

    public void Invalidate() => cache.Clear();
}
