namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// An invoice's days beyond terms, amount-weighted over its parts:
/// Σ(part amount × part days) / Σ(part amount), rounded to two decimals.
/// Null when nothing was paid and nothing is open past due (no evidence either way).
/// </summary>
public sealed record InvoiceLateness(InvoiceRef Invoice, string Currency, decimal? DaysBeyondTerms, IReadOnlyList<LatenessPart> Parts);
