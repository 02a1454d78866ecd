namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>
/// A company's fields changed. <see cref="ChangedFields"/> names them (contract field names, e.g.
/// "industry", "account_owner"); the rest is the company as it now stands, so consumers never
/// call back.
/// </summary>
public sealed record CompanyUpdated(
    Guid TenantId,
    Guid CompanyId,
    IReadOnlyList<string> ChangedFields,
    string Name,
    string? Domain,
    string? IndustryCode,
    int? EmployeeCount,
    string? CountryCode,
    string? AccountOwner,
    string LifecycleStage,
    decimal? AnnualRevenue,
    string? RevenueCurrency,
    IReadOnlyList<string> Tags,
    string? ExternalId,
    int? ContactCadenceDays = null) : IntegrationEvent(TenantId);
