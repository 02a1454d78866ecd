namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The terms to offer next: the policy's terms for the grade, each part with its reason. The
/// suggested credit limit, per currency, is the policy's months of sales × the average month
/// invoiced over the last 12: round(invoiced in the 12 months × months ÷ 12, 2). Nothing on
/// credit is suggested with prepayment only.
/// </summary>
public static class TermsRecommender
{
    public static TermsRecommendation Recommend(GradeAssessment assessment, TermsPolicy policy, IReadOnlyList<InvoiceFacts> invoices, DateOnly today)
    {
        var terms = Recommend(assessment.Grade, policy, invoices, today);
        return terms with { Reasons = [assessment.Summary, .. terms.Reasons] };
    }

    public static TermsRecommendation Recommend(PaymentGrade grade, TermsPolicy policy, IReadOnlyList<InvoiceFacts> invoices, DateOnly today)
    {
        List<string> reasons = [];
        var terms = policy.Terms.FirstOrDefault(t => t.Grade == grade);
        if (terms is null)
        {
            terms = TermsPolicyDefaults.Policy.Terms.First(t => t.Grade == grade);
            reasons.Add($"The policy has no terms for {GradeName(grade)}: the default policy's are used");
        }

        reasons.Add(grade is PaymentGrade.NotEnoughHistory
            ? $"Not enough payment history (fewer than {GradeRules.MinimumSettledInvoices} settled invoices): the policy's terms for new clients"
            : $"Grade {grade}: the policy's terms for it");
        reasons.AddRange(TermsReasons(terms));

        var limits = terms.PrepaymentOnly ? [] : SuggestedLimits(terms.CreditLimitMonthsOfSales, invoices, today, reasons);
        return new TermsRecommendation(grade, terms.NetDays, terms.PrepaymentOnly ? 100 : terms.UpfrontPercent,
            terms.PrepaymentOnly, terms.HoldNewWork, limits, reasons);
    }

    public static string GradeName(PaymentGrade grade) =>
        grade is PaymentGrade.NotEnoughHistory ? "not enough history" : $"grade {grade}";

    private static IEnumerable<string> TermsReasons(TermsForGrade terms)
    {
        if (terms.PrepaymentOnly)
        {
            yield return "Prepayment only: nothing on credit";
        }
        else
        {
            yield return $"Net {terms.NetDays} days";
            if (terms.UpfrontPercent > 0)
            {
                yield return $"{terms.UpfrontPercent} % upfront before work starts";
            }
        }

        if (terms.HoldNewWork)
        {
            yield return "Hold new work until the grade improves";
        }
    }

    private static List<CurrencyAmount> SuggestedLimits(decimal months, IReadOnlyList<InvoiceFacts> invoices, DateOnly today, List<string> reasons)
    {
        if (months <= 0m)
        {
            reasons.Add("No credit limit suggested");
            return [];
        }

        var yearAgo = today.AddMonths(-12);
        var limits = new List<CurrencyAmount>();
        foreach (var sales in invoices
            .Where(i => InvoiceBalance.Counts(i) && i.IssueDate > yearAgo && i.IssueDate <= today)
            .GroupBy(i => i.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var invoiced = new CurrencyAmount(sales.Sum(i => i.Amount), sales.Key);
            var limit = new CurrencyAmount(Math.Round(invoiced.Amount * months / 12m, 2, MidpointRounding.AwayFromZero), sales.Key);
            limits.Add(limit);
            reasons.Add($"Suggested credit limit {limit}: {GradeFactors.Number(months)} month{(months == 1m ? "" : "s")} of the {invoiced} invoiced in the last 12 months");
        }

        if (limits.Count == 0)
        {
            reasons.Add("No credit limit suggested: nothing invoiced in the last 12 months");
        }

        return limits;
    }
}
