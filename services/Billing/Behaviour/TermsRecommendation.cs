namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The terms to offer a company next, from its grade and the tenant's policy, with a reason for each
/// part. Suggested credit limits are per currency the company was invoiced in.
/// </summary>
public sealed record TermsRecommendation(
    PaymentGrade Grade,
    int NetDays,
    int UpfrontPercent,
    bool PrepaymentOnly,
    bool HoldNewWork,
    IReadOnlyList<CurrencyAmount> SuggestedCreditLimits,
    IReadOnlyList<string> Reasons);
