using CrmPlatform.Gateway.Proxy;
using CrmPlatform.Tenancy;
using Yarp.ReverseProxy.Model;

namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// Every call a tenant makes through the proxy takes a token from its bucket and is told, in the
/// RateLimit headers, what is left; a call without one is refused before it costs a backend
/// anything. Bulk calls are also held to the tenant's number of concurrent bulk operations, and an
/// import's body is charged as it streams. Runs after authentication, so the tenant is known.
/// </summary>
public sealed class TenantRateLimiting(RequestDelegate next, TenantLimitsCache limitsCache, TenantBuckets buckets, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var route = http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config;
        if (route is null
            || !ServiceRoutes.IsRateLimited(route)
            || !Guid.TryParse(http.User.FindFirst(TenantClaims.TenantId)?.Value, out var tenantId))
        {
            await next(http);
            return;
        }

        var limits = await limitsCache.Get(tenantId, http.RequestAborted);
        var bucket = buckets.For(tenantId, limits);
        var state = bucket.TryTake(1, clock.GetUtcNow());
        RateLimitHeaders.Write(http.Response.Headers, state);
        if (!state.Granted)
        {
            await RateLimitRejection.RequestRate(http, state.RetryAfter);
            return;
        }

        if (!ServiceRoutes.IsBulk(route))
        {
            await next(http);
            return;
        }

        if (!bucket.TryEnterBulk())
        {
            await RateLimitRejection.ConcurrentBulk(http, limits.ConcurrentBulkOperations);
            return;
        }

        try
        {
            http.Request.Body = new ChargedBodyStream(http.Request.Body, bucket, clock);
            await next(http);
        }
        finally
        {
            bucket.ExitBulk();
        }
    }
}
