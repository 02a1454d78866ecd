namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary><see cref="ChangedFields"/> names the person's fields that changed (contract names, e.g. "title").</summary>
public sealed record PersonChanged(Guid TenantId, Guid CompanyId, Guid PersonId, IReadOnlyList<string> ChangedFields, PersonSnapshot Person) : IntegrationEvent(TenantId);
