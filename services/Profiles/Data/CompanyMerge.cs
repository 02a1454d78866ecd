using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>
/// The lineage of a merge: which company became part of which, and everything the merge moved or
/// filled, so it can be audited and undone.
/// </summary>
public sealed class CompanyMerge : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SurvivorId { get; set; }

    public Guid MergedId { get; set; }

    /// <summary>The survivor's fields the merge filled (contract names), and their values before it (a crm.profiles.v1.Company as JSON).</summary>
    public List<string> FilledFields { get; set; } = [];

    public required string SurvivorBeforeJson { get; set; }

    public List<Guid> MovedPersonIds { get; set; } = [];

    public List<Guid> MovedProjectIds { get; set; } = [];

    public List<Guid> MovedChangeIds { get; set; } = [];

    public required string Actor { get; set; }

    public DateTimeOffset MergedAt { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }

    public DateTimeOffset UndoDeadline => MergedAt + Company.RestorePeriod;
}
