using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.KnownCompanies;

/// <summary>
/// A company as Profiles announced it. A service records its own facts only against companies
/// known here, so an id from another tenant (or none at all) is NotFound without calling Profiles.
/// </summary>
public sealed class KnownCompany : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid CompanyId { get; set; }

    public required string Name { get; set; }

    /// <summary>When Profiles first announced the company: its creation, once that event is in.</summary>
    public DateTimeOffset KnownSince { get; set; }

    /// <summary>When the announcement <see cref="Name"/> came from happened in Profiles.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Takes in an announcement of <paramref name="at"/> (a creation or an update). Events reach
    /// different queues in any order, so an older announcement arriving late leaves the newer name.
    /// </summary>
    public void Announced(string name, DateTimeOffset at)
    {
        if (at < KnownSince)
        {
            KnownSince = at;
        }

        if (at >= UpdatedAt)
        {
            Name = name;
            UpdatedAt = at;
        }
    }
}
