namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>Someone at a client, as they stand after the change; roles are the ones held now.</summary>
public sealed record PersonSnapshot(
    string GivenName,
    string? FamilyName,
    string? Title,
    IReadOnlyList<string> CurrentRoles,
    IReadOnlyList<string> Emails,
    DateOnly? Birthday,
    string? PreferredChannel);

public sealed record PersonAdded(Guid TenantId, Guid CompanyId, Guid PersonId, PersonSnapshot Person) : IntegrationEvent(TenantId);

/// <summary><see cref="ChangedFields"/> names the person's fields that changed (contract names, e.g. "title").</summary>
public sealed record PersonChanged(Guid TenantId, Guid CompanyId, Guid PersonId, IReadOnlyList<string> ChangedFields, PersonSnapshot Person) : IntegrationEvent(TenantId);

public sealed record PersonLeft(Guid TenantId, Guid CompanyId, Guid PersonId, DateOnly LeftOn) : IntegrationEvent(TenantId);

/// <summary>
/// A company's key officers changed: someone took up or gave up the key officer role. The list
/// is who holds it now.
/// </summary>
public sealed record KeyOfficersChanged(Guid TenantId, Guid CompanyId, IReadOnlyList<Guid> KeyOfficerIds) : IntegrationEvent(TenantId);
