namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>The limits in force for one tenant: its plan's defaults with the operator's overrides applied.</summary>
public sealed record TenantLimits(int RequestsPerSecond, int Burst, int ConcurrentBulkOperations);
