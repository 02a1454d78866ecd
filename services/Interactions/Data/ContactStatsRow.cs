using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Interactions.Data;

/// <summary>
/// The contact statistics of one company or person, rewritten in the transaction of every item
/// that touches them. What time alone changes (neglect, a window emptying) is kept as the moment
/// it happens, so a read or a list is right without a batch: <see cref="DueAt"/> and
/// <see cref="OverContactedUntil"/>.
/// </summary>
public sealed class ContactStatsRow : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid SubjectId { get; set; }

    public Guid CompanyId { get; set; }

    public bool IsCompany { get; set; }

    /// <summary>The company's account owner as Profiles names them (company rows).</summary>
    public string? AccountOwner { get; set; }

    /// <summary>The company's cadence from its strategy in Profiles; null: the tenant's default.</summary>
    public int? CadenceDays { get; set; }

    /// <summary>When the company became known: the start of its first cadence.</summary>
    public DateTimeOffset KnownSince { get; set; }

    public DateTimeOffset? LastContactAt { get; set; }

    /// <summary>The last outbound or two-way contact, or <see cref="KnownSince"/>: the cadence runs from here.</summary>
    public DateTimeOffset DueFrom { get; set; }

    /// <summary><see cref="DueFrom"/> plus the cadence in force: neglected after this.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Over-contacted until this time, if nothing more happens.</summary>
    public DateTimeOffset? OverContactedUntil { get; set; }

    public List<string> OverContactedReasons { get; set; } = [];


    /// <summary>The statistics as the contract's JSON (ContactStats without the verdict).</summary>
    public string? StatsJson { get; set; }

    /// <summary>When the Profiles announcement the owner and cadence came from was made.</summary>
    public DateTimeOffset? ProfileAt { get; set; }

    /// <summary>False while the company is deleted or merged into another: kept, but in no list.</summary>
    public bool Listed { get; set; } = true;

    /// <summary>The verdict as of the last write, to tell when a write changes it.</summary>
    public string? Verdict { get; set; }
}
