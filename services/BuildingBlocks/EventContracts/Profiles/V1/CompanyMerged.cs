namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>
/// <see cref="MergedId"/> became part of <see cref="SurvivorId"/>: whatever another service keeps
/// under the merged id now belongs to the survivor. The merged company is deleted; it comes back
/// with <see cref="CompanyMergeUndone"/>.
/// </summary>
public sealed record CompanyMerged(Guid TenantId, Guid MergeId, Guid SurvivorId, Guid MergedId) : IntegrationEvent(TenantId);

/// <summary>A merge was undone: <see cref="MergedId"/> exists again, as before the merge.</summary>
public sealed record CompanyMergeUndone(Guid TenantId, Guid MergeId, Guid SurvivorId, Guid MergedId) : IntegrationEvent(TenantId);
