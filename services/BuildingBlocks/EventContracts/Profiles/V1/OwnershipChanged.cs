namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>Who owns a company changed: its parent company or its owners, as they now stand.</summary>
public sealed record OwnershipChanged(
    Guid TenantId,
    Guid CompanyId,
    Guid? ParentCompanyId,
    IReadOnlyList<CompanyOwner> Owners) : IntegrationEvent(TenantId);
