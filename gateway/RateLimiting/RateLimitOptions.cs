using System.ComponentModel.DataAnnotations;

namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// The limits each plan grants (<c>RateLimits:Plans:{plan}</c>), and <c>RateLimits:Default</c> for
/// a plan not listed. An operator can override any figure per tenant through crm.platform.v1.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Required]
    public PlanLimits Default { get; set; } = new();

    public Dictionary<string, PlanLimits> Plans { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TenantLimits For(string plan, int? requestsPerSecond, int? burst, int? concurrentBulkOperations)
    {
        var defaults = Plans.GetValueOrDefault(plan) ?? Default;
        return new TenantLimits(
            requestsPerSecond ?? defaults.RequestsPerSecond,
            burst ?? defaults.Burst,
            concurrentBulkOperations ?? defaults.ConcurrentBulkOperations);
    }
}
