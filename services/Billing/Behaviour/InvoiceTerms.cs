namespace CrmPlatform.Billing.Behaviour;

/// <summary>The payment terms an invoice was issued with: net days and an optional early-payment discount.</summary>
public sealed record InvoiceTerms(int NetDays, EarlyPaymentDiscount? EarlyDiscount = null);
