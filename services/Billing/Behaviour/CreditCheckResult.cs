namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// A credit check's verdict with its reasons, readable as they stand. Exposure is in the limit's
/// currency (the amount's when there is no limit); Headroom is what is left under the limit after
/// this amount, negative when over.
/// </summary>
public sealed record CreditCheckResult(
    CreditVerdict Verdict,
    IReadOnlyList<string> Reasons,
    CurrencyAmount Exposure,
    CurrencyAmount? Limit,
    CurrencyAmount? Headroom);
