using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>
/// One company merged into another: the lineage of which records became which, and everything
/// needed to undo it — the people and projects that moved, and the survivor's fields that were
/// filled, with their values before and after (each a crm.profiles.v1.Company as JSON holding just
/// those fields).
/// </summary>
public sealed class CompanyMerge : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SurvivorId { get; set; }

    public Guid MergedId { get; set; }

    public List<string> FilledFields { get; set; } = [];

    public required string SurvivorBefore { get; set; }

    public required string SurvivorAfter { get; set; }

    public List<Guid> MovedPersonIds { get; set; } = [];

    public List<Guid> MovedProjectIds { get; set; } = [];

    public int MovedChangeCount { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset MergedAt { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }

    public string? UndoneBy { get; set; }

    /// <summary>Until the merged company could be purged: the same period a deleted company can be restored.</summary>
    public DateTimeOffset UndoDeadline => MergedAt + Company.RestorePeriod;
}
