using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class TermsRecommenderTests
{
    private static readonly IReadOnlyList<InvoiceFacts> Sales =
    [
        Open("INV-1", 12_000m, Day(2026, 6, 1)) with { IssueDate = Day(2026, 5, 2) },
        Open("INV-2", 6_000m, Day(2026, 7, 1), "USD") with { IssueDate = Day(2026, 6, 1) },
        Open("OLD", 99_000m, Day(2025, 11, 1)) with { IssueDate = Day(2025, 10, 1) },
    ];

    private static TermsRecommendation Recommend(PaymentGrade grade) => TermsRecommender.Recommend(grade, TermsPolicyDefaults.Policy, Sales, Today);

    [Fact]
    public void GradeA_IsNetFortyFive_WithTwoMonthsOfSalesPerCurrency()
    {
        // 12,000 EUR and 6,000 USD invoiced in the last 12 months (the older 99,000 is not): × 2 ÷ 12.
        var terms = Recommend(PaymentGrade.A);

        Assert.Equal((45, "2,000.00 EUR, 1,000.00 USD"), (terms.NetDays, string.Join(", ", terms.SuggestedCreditLimits)));
    }

    [Fact]
    public void GradeA_GivesTheReasonForItsLimit()
    {
        Assert.Contains("Suggested credit limit 2,000.00 EUR: 2 months of the 12,000.00 EUR invoiced in the last 12 months", Recommend(PaymentGrade.A).Reasons);
    }

    [Fact]
    public void GradeD_AsksHalfUpfront()
    {
        var terms = Recommend(PaymentGrade.D);

        Assert.Equal((14, 50, 0), (terms.NetDays, terms.UpfrontPercent, terms.SuggestedCreditLimits.Count));
    }

    [Fact]
    public void GradeE_IsPrepaymentOnlyAndHoldsNewWork_WithReasons()
    {
        var terms = Recommend(PaymentGrade.E);

        Assert.Equal(
            (true, true, 100, "Grade E: the policy's terms for it | Prepayment only: nothing on credit | Hold new work until the grade improves"),
            (terms.PrepaymentOnly, terms.HoldNewWork, terms.UpfrontPercent, string.Join(" | ", terms.Reasons)));
    }

    [Fact]
    public void NotEnoughHistory_GetsTheStatedTermsForNewClients()
    {
        var terms = Recommend(PaymentGrade.NotEnoughHistory);

        Assert.Equal((30, "Not enough payment history (fewer than 3 settled invoices): the policy's terms for new clients"), (terms.NetDays, terms.Reasons[0]));
    }

    [Fact]
    public void AGradeMissingFromThePolicy_FallsBackToTheDefaultPolicysTerms_AndSaysSo()
    {
        var policy = TermsPolicyDefaults.Policy with { Terms = [.. TermsPolicyDefaults.Policy.Terms.Where(t => t.Grade != PaymentGrade.B)] };

        var terms = TermsRecommender.Recommend(PaymentGrade.B, policy, Sales, Today);

        Assert.Equal((30, "The policy has no terms for grade B: the default policy's are used"), (terms.NetDays, terms.Reasons[0]));
    }

    [Fact]
    public void NothingInvoiced_SuggestsNoLimit()
    {
        var terms = TermsRecommender.Recommend(PaymentGrade.A, TermsPolicyDefaults.Policy, [], Today);

        Assert.Equal((0, "No credit limit suggested: nothing invoiced in the last 12 months"), (terms.SuggestedCreditLimits.Count, terms.Reasons[^1]));
    }
}
