using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

public sealed class Company : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public string? LegalName { get; set; }

    public string? Website { get; set; }

    public string? Domain { get; set; }

    public string? IndustryCode { get; set; }

    public string? IndustryLabel { get; set; }

    public int? EmployeeCount { get; set; }

    public PostalAddress Headquarters { get; set; } = new();

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? AccountOwner { get; set; }

    public LifecycleStage LifecycleStage { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>PostgreSQL's row version (xmin), the source of the etag.</summary>
    public uint Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
