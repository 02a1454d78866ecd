using System.Collections.Concurrent;
using CrmPlatform.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Gateway.Auth;

/// <summary>
/// Checks a presented key against the catalog. Valid keys are cached for a few seconds, since
/// every request asks; a revoke or suspend made through this gateway clears the cache at once,
/// and other instances see it within <see cref="CacheFor"/>. Refusals are never cached, so made-up
/// keys cannot fill memory. A cached key is never trusted past its own expiry, which rotation
/// sets a few seconds ahead as readily as days.
/// </summary>
public sealed class ApiKeyValidator(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ApiKeyValidator> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const int MaxCachedKeys = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset Until)> cache = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> lastUsedWritten = new();

    public async Task<ApiKeyIdentity?> Validate(string presented, CancellationToken cancellationToken)
    {
        var prefix = ApiKeySecret.PrefixOf(presented);
        if (prefix is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var hash = Convert.ToHexString(ApiKeySecret.Hash(presented));
        if (!cache.TryGetValue(hash, out var cached) || cached.Until <= now)
        {
            if (await Lookup(prefix, presented, now, cancellationToken) is not { } found)
            {
                return null;
            }

            if (cache.Count >= MaxCachedKeys)
            {
                cache.Clear();
            }

            cached = (found, CachedUntil(found, now));
            cache[hash] = cached;
        }

        RecordUse(cached.Identity.KeyId, now);
        return cached.Identity;
    }

    internal static DateTimeOffset CachedUntil(ApiKeyIdentity key, DateTimeOffset now) =>
        key.ExpiresAt is { } expires && expires < now + CacheFor ? expires : now + CacheFor;

    /// <summary>Forget every cached answer: a key or tenant just changed.</summary>
    public void Invalidate() => cache.Clear();

    private async Task<ApiKeyIdentity?> Lookup(string prefix, string presented, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var found = await (
                from key in db.ApiKeys
                join tenant in db.Tenants on key.TenantId equals tenant.Id
                join member in db.Members on key.MemberId equals member.Id into bound
                from member in bound.DefaultIfEmpty()
                where key.Prefix == prefix
                select new { key, tenant.Status, member })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);

        // A key bound to a member who has left is as dead as a revoked one.
        if (found is null
            || !ApiKeySecret.Matches(presented, found.key.Hash)
            || found.key.RevokedAt is not null
            || found.key.ExpiresAt <= now
            || found.Status != TenantStatus.Active
            || found.member?.RemovedAt is not null)
        {
            return null;
        }

        var acting = found.member is { } m ? new ActingMember(m.Id, m.Teams) : null;
        return new ApiKeyIdentity(found.key.Id, found.key.TenantId, found.key.Scopes, found.key.ExpiresAt, acting);
    }

    // Off the request path and at most once a minute per key: "last used" is for humans.
    private void RecordUse(Guid keyId, DateTimeOffset now)
    {
        if (lastUsedWritten.TryGetValue(keyId, out var written) && now - written < LastUsedResolution)
        {
            return;
        }

        lastUsedWritten[keyId] = now;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, now));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not record the use of API key {KeyId}.", keyId);
            }
        });
    }
}
