using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

public sealed class Company : ITenantOwned
{
    /// <summary>How long a deleted company can be undeleted.</summary>
    public static readonly TimeSpan RestorePeriod = TimeSpan.FromDays(30);

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

    /// <summary>When someone last confirmed the profile is current; its creation until then.</summary>
    public DateTimeOffset LastReviewedAt { get; set; }

    /// <summary>Lowercased names, domain, website and email, computed by PostgreSQL, trigram-indexed for search.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Set while soft-deleted.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public DateTimeOffset? PurgeAt => DeletedAt + RestorePeriod;

    /// <summary>The opaque version clients send back to update safely.</summary>
    public string Etag => Version.ToString("x8");
}
