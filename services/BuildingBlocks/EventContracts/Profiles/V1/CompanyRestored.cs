namespace CrmPlatform.EventContracts.Profiles.V1;

public sealed record CompanyRestored(Guid TenantId, Guid CompanyId) : IntegrationEvent(TenantId);
