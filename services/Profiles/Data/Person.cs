using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>Someone at a client company. A person who left stays, with the date, for the history.</summary>
public sealed class Person : ITenantOwned, IVersioned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public required string GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? Title { get; set; }

    public string? Department { get; set; }

    /// <summary>Every role held, with its dates (crm.profiles.v1.RoleHolding[] as a JSON array).</summary>
    public string RolesJson { get; set; } = "[]";

    /// <summary>The roles held now (lower-case names such as "key_officer"), kept beside <see cref="RolesJson"/> to be queried.</summary>
    public List<string> CurrentRoles { get; set; } = [];

    public Guid? ReportsToId { get; set; }

    public List<string> Emails { get; set; } = [];

    public List<string> Phones { get; set; } = [];

    public DateOnly? Birthday { get; set; }

    public string? PreferredChannel { get; set; }

    /// <summary>crm.profiles.v1.SocialProfile[] as a JSON array.</summary>
    public string SocialProfilesJson { get; set; } = "[]";

    public string? Notes { get; set; }

    public DateOnly? LeftOn { get; set; }

    /// <summary>Lowercased names and emails, computed by PostgreSQL, trigram-indexed: a company is found by its people.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The phones as digits only, computed by PostgreSQL, to compare numbers however they are written.</summary>
    public List<string> PhoneDigits { get; private set; } = [];

    public uint Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string Etag => Version.ToString("x8");
}
