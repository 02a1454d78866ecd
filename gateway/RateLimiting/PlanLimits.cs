using System.ComponentModel.DataAnnotations;

namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>One plan's default limits, as configured.</summary>
public sealed class PlanLimits
{
    [Range(1, LimitBounds.MaxRequestsPerSecond)]
    public int RequestsPerSecond { get; set; } = 200;

    [Range(1, LimitBounds.MaxBurst)]
    public int Burst { get; set; } = 400;

    [Range(1, LimitBounds.MaxConcurrentBulkOperations)]
    public int ConcurrentBulkOperations { get; set; } = 4;
}
