using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

public sealed class Company : ITenantOwned, IVersioned
{
    /// <summary>How long a deleted company can be undeleted.</summary>
    public static readonly TimeSpan RestorePeriod = TimeSpan.FromDays(30);

    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public string? LegalName { get; set; }

    /// <summary>The tenant's own id for the company (e.g. from its ERP); imports upsert by it.</summary>
    public string? ExternalId { get; set; }

    public string? RegistrationNumber { get; set; }

    public string? Website { get; set; }

    public string? Domain { get; set; }

    public string? IndustryCode { get; set; }

    public string? IndustryLabel { get; set; }

    public int? EmployeeCount { get; set; }

    public decimal? AnnualRevenue { get; set; }

    public string? RevenueCurrency { get; set; }

    /// <summary>A company of the same tenant that owns this one.</summary>
    public Guid? ParentCompanyId { get; set; }

    // The nested parts of a profile that are read and written whole, never queried inside, are
    // kept as the protobuf JSON of their contract messages: one well-defined, versioned shape.

    /// <summary>crm.profiles.v1.FinancialStatus as JSON.</summary>
    public string? FinancialStatusJson { get; set; }

    /// <summary>The owners (crm.profiles.v1.Owner[]) as a JSON array.</summary>
    public string? OwnersJson { get; set; }

    /// <summary>Addresses besides the headquarters (crm.common.v1.Address[]) as a JSON array.</summary>
    public string? AddressesJson { get; set; }

    /// <summary>The tenant's own fields, a JSON object of key to crm.profiles.v1.CustomFieldValue.</summary>
    public string? CustomFieldsJson { get; set; }

    /// <summary>crm.profiles.v1.Strategy as JSON.</summary>
    public string? StrategyJson { get; set; }

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

    /// <summary>
    /// The name with case, punctuation and legal forms ("AB", "Ltd") set aside, computed by
    /// PostgreSQL: equal keys are a duplicate signal, alike keys (trigrams) a weaker one.
    /// </summary>
    public string NameKey { get; private set; } = "";

    /// <summary>The company's phone as digits only, computed by PostgreSQL, to compare numbers however they are written.</summary>
    public string? PhoneDigits { get; private set; }

    /// <summary>The company this one was merged into; it is soft-deleted since.</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>Set while soft-deleted.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public DateTimeOffset? PurgeAt => DeletedAt + RestorePeriod;

    /// <summary>The opaque version clients send back to update safely.</summary>
    public string Etag => Version.ToString("x8");
}
