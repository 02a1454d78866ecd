namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// The most an operator may grant one tenant. Past these one tenant could take the whole gateway
/// (or a backend's connection pool) from the others, which is what the limits exist to prevent.
/// </summary>
public static class LimitBounds
{
    public const int MaxRequestsPerSecond = 100_000;
    public const int MaxBurst = 1_000_000;
    public const int MaxConcurrentBulkOperations = 64;
}
