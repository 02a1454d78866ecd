namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// A score from 1 to 100 on PAYDEX's scale (80 = pays on time), from the amount- and recency-weighted
/// days beyond terms of the last 24 months. Score is null when there is no experience to score.
/// </summary>
public sealed record PaymentScore(
    int? Score,
    decimal? WeightedDaysBeyondTerms,
    IReadOnlyList<CurrencyLateness> PerCurrency,
    IReadOnlyList<PaymentExperience> Experiences);
