namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>
/// A company's key officers changed: someone took up or gave up the key officer role. The list
/// is who holds it now.
/// </summary>
public sealed record KeyOfficersChanged(Guid TenantId, Guid CompanyId, IReadOnlyList<Guid> KeyOfficerIds) : IntegrationEvent(TenantId);
