using CrmPlatform.Gateway.RateLimiting;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace CrmPlatform.Gateway.Proxy;

/// <summary>
/// A tenant over a limit: 429 with Retry-After for REST, ResourceExhausted for gRPC (whose clients
/// read the status, not the HTTP code), both with a RetryInfo saying when to come back and a
/// QuotaFailure naming the limit.
/// </summary>
internal static class RateLimitRejection
{
    /// <summary>How long a refused bulk call should wait: bulk calls run for minutes, so sooner is pointless.</summary>
    private static readonly TimeSpan BulkRetry = TimeSpan.FromSeconds(5);

    public static Task RequestRate(HttpContext http, TimeSpan retryAfter) =>
        Write(http, retryAfter, "requests", "The tenant's request rate limit is exceeded.");

    public static Task ConcurrentBulk(HttpContext http, int limit) =>
        Write(http, BulkRetry, "concurrent_bulk_operations", $"The tenant already runs {limit} bulk operations, its limit.");

    private static Task Write(HttpContext http, TimeSpan retryAfter, string limit, string message)
    {
        http.Response.Headers.RetryAfter = RateLimitHeaders.RetryAfter(retryAfter);
        // gRPC clients get the exact wait; HTTP's Retry-After can only say whole seconds.
        var retry = new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(Math.Ceiling(retryAfter.TotalMilliseconds))) };
        var quota = new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = $"tenant:{limit}", Description = message } } };
        return ErrorResponse.Write(http, Code.ResourceExhausted, message, retry, quota);
    }
}
