using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>Something sold, proposed or planned with a client.</summary>
public sealed class Project : ITenantOwned, IVersioned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<string> Products { get; set; } = [];

    public decimal? Value { get; set; }

    public string? ValueCurrency { get; set; }

    public ProjectStage Stage { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? CloseDate { get; set; }

    /// <summary>When the stage last changed: how long a project has been stuck.</summary>
    public DateTimeOffset StageChangedAt { get; set; }

    public uint Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string Etag => Version.ToString("x8");
}
