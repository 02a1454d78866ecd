namespace CrmPlatform.EventContracts.Billing.V1;

public sealed record InvoiceIssued(
    Guid TenantId,
    Guid InvoiceId,
    Guid CompanyId,
    string Number,
    string CurrencyCode,
    decimal Amount,
    DateOnly IssueDate,
    DateOnly DueDate) : IntegrationEvent(TenantId);
