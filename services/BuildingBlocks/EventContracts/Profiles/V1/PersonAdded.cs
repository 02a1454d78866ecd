namespace CrmPlatform.EventContracts.Profiles.V1;

public sealed record PersonAdded(Guid TenantId, Guid CompanyId, Guid PersonId, PersonSnapshot Person) : IntegrationEvent(TenantId);
