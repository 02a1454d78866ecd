namespace CrmPlatform.EventContracts.Profiles.V1;

public sealed record PersonLeft(Guid TenantId, Guid CompanyId, Guid PersonId, DateOnly LeftOn) : IntegrationEvent(TenantId);
