namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Every problem with a terms policy at once, with field paths as the API names them
/// ("terms[2].net_days"): one entry per grade including not enough history, net days 0–365,
/// upfront 0–100 (100 with prepayment only), months of sales 0–24, warning share 1–100.
/// </summary>
public static class TermsPolicyValidator
{
    public const int MaxNetDays = 365;
    public const decimal MaxCreditLimitMonths = 24m;

    public static IReadOnlyList<PolicyViolation> Validate(TermsPolicy policy)
    {
        List<PolicyViolation> violations = [];
        var terms = policy.Terms ?? [];
        var seen = new HashSet<PaymentGrade>();

        for (var i = 0; i < terms.Count; i++)
        {
            var path = $"terms[{i}]";
            var t = terms[i];
            if (t is null)
            {
                violations.Add(new(path, "is required"));
                continue;
            }

            if (!Enum.IsDefined(t.Grade))
            {
                violations.Add(new($"{path}.grade", "is not a grade"));
            }
            else if (!seen.Add(t.Grade))
            {
                violations.Add(new($"{path}.grade", $"repeats {TermsRecommender.GradeName(t.Grade)}"));
            }

            Within(violations, $"{path}.net_days", t.NetDays, 0, MaxNetDays);
            Within(violations, $"{path}.upfront_percent", t.UpfrontPercent, 0, 100);
            if (t.CreditLimitMonthsOfSales is < 0m or > MaxCreditLimitMonths)
            {
                violations.Add(new($"{path}.credit_limit_months_of_sales", $"must be between 0 and {MaxCreditLimitMonths}"));
            }

            if (t.PrepaymentOnly && t.UpfrontPercent != 100)
            {
                violations.Add(new($"{path}.upfront_percent", "must be 100 with prepayment only"));
            }
        }

        foreach (var missing in Enum.GetValues<PaymentGrade>().Where(g => !seen.Contains(g)))
        {
            violations.Add(new("terms", $"has no terms for {TermsRecommender.GradeName(missing)}"));
        }

        if (!Enum.IsDefined(policy.OverLimit))
        {
            violations.Add(new("over_limit", "must be warn or hold"));
        }

        Within(violations, "warn_at_percent_of_limit", policy.WarnAtPercentOfLimit, 1, 100);
        return violations;
    }

    private static void Within(List<PolicyViolation> violations, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            violations.Add(new(field, $"must be between {min} and {max}"));
        }
    }
}
