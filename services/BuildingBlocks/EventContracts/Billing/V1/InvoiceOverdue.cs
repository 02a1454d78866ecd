namespace CrmPlatform.EventContracts.Billing.V1;

/// <summary>An invoice's due date passed with money still open on it: told once, the day after the due date.</summary>
public sealed record InvoiceOverdue(
    Guid TenantId,
    Guid InvoiceId,
    Guid CompanyId,
    string Number,
    string CurrencyCode,
    decimal OpenAmount,
    DateOnly DueDate,
    int DaysOverdue) : IntegrationEvent(TenantId);
