namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The policy a tenant starts with. Going over the limit holds (an override, recorded with who
/// approved it, lets it through): a limit that only warns is soon ignored.
/// </summary>
public static class TermsPolicyDefaults
{
    public static TermsPolicy Policy { get; } = new()
    {
        Terms =
        [
            new() { Grade = PaymentGrade.A, NetDays = 45, CreditLimitMonthsOfSales = 2m },
            new() { Grade = PaymentGrade.B, NetDays = 30, CreditLimitMonthsOfSales = 1m },
            new() { Grade = PaymentGrade.C, NetDays = 14, CreditLimitMonthsOfSales = 0.5m },
            new() { Grade = PaymentGrade.D, NetDays = 14, UpfrontPercent = 50 },
            new() { Grade = PaymentGrade.E, UpfrontPercent = 100, PrepaymentOnly = true, HoldNewWork = true },
            // A new client is neither trusted nor suspected: usual terms, a modest limit.
            new() { Grade = PaymentGrade.NotEnoughHistory, NetDays = 30, CreditLimitMonthsOfSales = 0.5m },
        ],
        CountDrafts = false,
        OverLimit = OverLimitResponse.Hold,
        WarnAtPercentOfLimit = 90,
    };
}
