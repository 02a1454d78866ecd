namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Open receivables of one currency by days past due on the as-of date:
/// current (not yet due, or due that day), 1–30, 31–60, 61–90 and over 90 days.
/// </summary>
public sealed record CurrencyAging(
    string Currency,
    decimal Current,
    decimal Days1To30,
    decimal Days31To60,
    decimal Days61To90,
    decimal Over90Days)
{
    public decimal Total => Current + Days1To30 + Days31To60 + Days61To90 + Over90Days;
}
