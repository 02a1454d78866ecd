namespace CrmPlatform.EventContracts.Billing.V1;

/// <summary>
/// Money arrived from a company: how much went to which invoice, what was left as its credit, and
/// how late each paid invoice was (days beyond its due date on the day received).
/// </summary>
public sealed record PaymentReceived(
    Guid TenantId,
    Guid PaymentId,
    Guid CompanyId,
    string CurrencyCode,
    decimal Amount,
    decimal UnallocatedAmount,
    DateOnly ReceivedDate,
    IReadOnlyList<PaidInvoice> Invoices) : IntegrationEvent(TenantId);

public sealed record PaidInvoice(Guid InvoiceId, decimal Amount, decimal OpenAmount, int DaysBeyondTerms);
