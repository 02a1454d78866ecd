namespace CrmPlatform.Gateway.Data;

public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public TenantStatus Status { get; set; } = TenantStatus.Active;

    public required string Plan { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    // The operator's overrides of the plan's limits; null keeps the plan's default, so a plan
    // change reaches every tenant that was not given its own figure.
    public int? RequestsPerSecond { get; set; }

    public int? Burst { get; set; }

    public int? ConcurrentBulkOperations { get; set; }
}
