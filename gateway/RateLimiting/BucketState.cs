namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>What a take from a tenant's bucket left: whether it was granted, what remains and when the bucket is full again.</summary>
public sealed record BucketState(bool Granted, TenantLimits Limits, long Remaining, TimeSpan UntilFull, TimeSpan RetryAfter);
