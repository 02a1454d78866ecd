namespace CrmPlatform.EventContracts.Billing.V1;

/// <summary>A company went on credit hold (no new work on credit) or came off it, and why.</summary>
public sealed record CreditHoldChanged(
    Guid TenantId,
    Guid CompanyId,
    bool OnHold,
    string? Grade,
    IReadOnlyList<CurrencyExposure> Exposure,
    IReadOnlyList<string> Reasons) : IntegrationEvent(TenantId);
