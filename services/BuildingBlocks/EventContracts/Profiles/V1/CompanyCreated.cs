namespace CrmPlatform.EventContracts.Profiles.V1;

public sealed record CompanyCreated(
    Guid TenantId,
    Guid CompanyId,
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
