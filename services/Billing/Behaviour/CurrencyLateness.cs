namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The weighted days beyond terms of one currency's experiences, and how many invoices they came from
/// (the dimensionless weight used to combine currencies without adding their amounts).
/// </summary>
public sealed record CurrencyLateness(string Currency, decimal WeightedDaysBeyondTerms, int InvoiceCount);
