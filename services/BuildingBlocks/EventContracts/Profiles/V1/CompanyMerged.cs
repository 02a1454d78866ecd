namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>
/// <see cref="MergedId"/> was merged into <see cref="SurvivorId"/>: what other services hold for the
/// merged company now belongs to the survivor. The merge may be undone (<see cref="CompanyMergeUndone"/>)
/// until <see cref="UndoDeadline"/>, so they should keep enough to move it back.
/// </summary>
public sealed record CompanyMerged(Guid TenantId, Guid MergeId, Guid SurvivorId, Guid MergedId, DateTimeOffset UndoDeadline)
    : IntegrationEvent(TenantId);
