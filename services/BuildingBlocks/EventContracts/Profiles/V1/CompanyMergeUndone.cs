namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>The merge was undone: what moved to the survivor goes back to the merged company, which is live again.</summary>
public sealed record CompanyMergeUndone(Guid TenantId, Guid MergeId, Guid SurvivorId, Guid MergedId) : IntegrationEvent(TenantId);
