using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>A tenant's rule for keeping profiles fresh; absent means the default.</summary>
public sealed class ReviewPolicy : ITenantOwned
{
    public const int DefaultIntervalDays = 180;

    public Guid TenantId { get; set; }

    public int ReviewIntervalDays { get; set; } = DefaultIntervalDays;

    public TimeSpan Interval => TimeSpan.FromDays(ReviewIntervalDays);
}
