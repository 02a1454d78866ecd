namespace CrmPlatform.Gateway.Data;

/// <summary>A co-worker in a tenant: the author of what their keys write, and a reader of what their teams share.</summary>
public sealed class Member
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>The email in lower case: unique among the tenant's current members.</summary>
    public required string EmailKey { get; set; }

    public List<string> Teams { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }
}
