namespace CrmPlatform.EventContracts.Billing.V1;

/// <summary>An invoice became owed: created open, or a draft issued.</summary>
public sealed record InvoiceIssued(
    Guid TenantId,
    Guid InvoiceId,
    Guid CompanyId,
    string Number,
    string CurrencyCode,
    decimal Amount,
    DateOnly IssueDate,
    DateOnly DueDate) : IntegrationEvent(TenantId)
{
    public Guid? ProjectId { get; init; }

    public string? ExternalId { get; init; }
}
