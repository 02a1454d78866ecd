namespace CrmPlatform.EventContracts.Billing.V1;

/// <summary>A payment bounced: what it paid is owed again.</summary>
public sealed record PaymentReversed(Guid TenantId, Guid PaymentId, Guid CompanyId, string CurrencyCode, decimal Amount, string? Reason)
    : IntegrationEvent(TenantId);
