namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Days sales outstanding of one currency, by the standard period formula:
/// DSO = receivables on the as-of date ÷ credit sales in the period × days in the period,
/// rounded to one decimal. Null days when nothing was sold in the period.
/// </summary>
public sealed record SalesOutstanding(string Currency, decimal Receivables, decimal CreditSales, int PeriodDays, decimal? Days);
