namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>A company was soft-deleted; it may come back with <see cref="CompanyRestored"/> until <see cref="PurgeAt"/>.</summary>
public sealed record CompanyDeleted(Guid TenantId, Guid CompanyId, DateTimeOffset PurgeAt) : IntegrationEvent(TenantId);
