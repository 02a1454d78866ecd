namespace CrmPlatform.Gateway.Data;

public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public TenantStatus Status { get; set; } = TenantStatus.Active;

    public required string Plan { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
