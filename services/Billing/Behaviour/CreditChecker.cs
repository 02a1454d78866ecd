namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Answers whether a company may take on an amount more on credit. Exposure, in the limit's
/// currency only = open invoices + drafts (when the policy counts them) − the company's unused
/// credit. Then, the strictest wins:
/// hold for grade E, or when the grade's terms say prepayment only or hold new work;
/// over the limit: the policy's response (warn or hold);
/// reaching the policy's share of the limit, an upfront share in the grade's terms, exposure in
/// other currencies, or an amount in another currency than the limit: warn;
/// otherwise allow. No limit set means the limit is not checked.
/// </summary>
public static class CreditChecker
{
    public static CreditCheckResult CheckCredit(
        CurrencyAmount? limit, IReadOnlyList<ExposureItem> exposure, CurrencyAmount amount, PaymentGrade grade, TermsPolicy policy)
    {
        var currency = limit?.Currency ?? amount.Currency;
        var counted = exposure.Where(e => policy.CountDrafts || e.Source is not ExposureSource.DraftInvoice).ToList();
        var owed = new CurrencyAmount(counted.Where(e => e.Amount.Currency == currency).Sum(Signed), currency);
        var verdicts = new List<(CreditVerdict Verdict, string Reason)>();

        verdicts.AddRange(GradeReasons(grade, policy, amount));
        verdicts.AddRange(OtherCurrencies(counted, currency));

        CurrencyAmount? headroom = null;
        if (limit is not { } theLimit)
        {
            verdicts.Add((CreditVerdict.Allow, $"No credit limit is set; exposure is {owed}"));
        }
        else if (amount.Currency != theLimit.Currency)
        {
            verdicts.Add((CreditVerdict.Warn, $"The limit is in {theLimit.Currency} and this amount in {amount.Currency}: they are not compared without an exchange rate"));
        }
        else
        {
            headroom = new CurrencyAmount(theLimit.Amount - owed.Amount - amount.Amount, currency);
            verdicts.Add(LimitReason(theLimit, owed, amount, policy));
        }

        var verdict = verdicts.Max(v => v.Verdict);
        return new CreditCheckResult(verdict, verdicts.Select(v => v.Reason).ToList(), owed, limit, headroom);
    }

    private static decimal Signed(ExposureItem item) =>
        item.Source is ExposureSource.UnusedCredit ? -item.Amount.Amount : item.Amount.Amount;

    private static (CreditVerdict, string) LimitReason(CurrencyAmount limit, CurrencyAmount owed, CurrencyAmount amount, TermsPolicy policy)
    {
        var after = owed.Amount + amount.Amount;
        if (after > limit.Amount)
        {
            var over = new CurrencyAmount(after - limit.Amount, limit.Currency);
            return (policy.OverLimit is OverLimitResponse.Hold ? CreditVerdict.Hold : CreditVerdict.Warn,
                $"Exposure {owed} + this {amount} exceeds the limit {limit} by {over}");
        }

        var total = new CurrencyAmount(after, limit.Currency);
        var share = limit.Amount == 0m ? 100m : Math.Floor(after * 100m / limit.Amount);
        return after * 100m >= limit.Amount * policy.WarnAtPercentOfLimit
            ? (CreditVerdict.Warn, $"Exposure {owed} + this {amount} comes to {total}, {share} % of the limit {limit} (warning from {policy.WarnAtPercentOfLimit} %)")
            : (CreditVerdict.Allow, $"Exposure {owed} + this {amount} comes to {total}, within the limit {limit}");
    }

    private static IEnumerable<(CreditVerdict, string)> GradeReasons(PaymentGrade grade, TermsPolicy policy, CurrencyAmount amount)
    {
        var terms = policy.Terms.FirstOrDefault(t => t.Grade == grade);
        var name = TermsRecommender.GradeName(grade);
        if (grade is PaymentGrade.E)
        {
            yield return (CreditVerdict.Hold, "Grade E: no new credit until the grade improves");
        }

        if (terms is { PrepaymentOnly: true })
        {
            yield return (CreditVerdict.Hold, $"The terms for {name} are prepayment only");
        }

        if (terms is { HoldNewWork: true })
        {
            yield return (CreditVerdict.Hold, $"The terms for {name} hold new work");
        }

        if (terms is { PrepaymentOnly: false, UpfrontPercent: > 0 })
        {
            var upfront = new CurrencyAmount(Math.Round(amount.Amount * terms.UpfrontPercent / 100m, 2, MidpointRounding.AwayFromZero), amount.Currency);
            yield return (CreditVerdict.Warn, $"The terms for {name} ask {terms.UpfrontPercent} % upfront: {upfront} of this {amount}");
        }
    }

    private static IEnumerable<(CreditVerdict, string)> OtherCurrencies(IEnumerable<ExposureItem> counted, string currency) =>
        counted.Where(e => e.Amount.Currency != currency)
            .GroupBy(e => e.Amount.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyAmount(g.Sum(Signed), g.Key))
            .Where(other => other.Amount > 0m)
            .Select(other => (CreditVerdict.Warn, $"Also open: {other}, not counted against a limit in {currency}"));
}
