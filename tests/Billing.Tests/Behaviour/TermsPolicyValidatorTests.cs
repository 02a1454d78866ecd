using CrmPlatform.Billing.Behaviour;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class TermsPolicyValidatorTests
{
    private static readonly TermsPolicy Default = TermsPolicyDefaults.Policy;

    private static TermsPolicy WithGrade(PaymentGrade grade, Func<TermsForGrade, TermsForGrade> change) =>
        Default with { Terms = [.. Default.Terms.Select(t => t.Grade == grade ? change(t) : t)] };

    private static IEnumerable<string> Fields(TermsPolicy policy) => TermsPolicyValidator.Validate(policy).Select(v => v.Field);

    [Fact]
    public void TheDefaultPolicy_IsValid()
    {
        Assert.Empty(TermsPolicyValidator.Validate(Default));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void NetDaysOutside0To365_AreAViolationOfThatGradesNetDays(int days)
    {
        Assert.Equal(["terms[1].net_days"], Fields(WithGrade(PaymentGrade.B, t => t with { NetDays = days })));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void AnUpfrontPercentOutside0To100_IsAViolation(int percent)
    {
        Assert.Equal(["terms[3].upfront_percent"], Fields(WithGrade(PaymentGrade.D, t => t with { UpfrontPercent = percent })));
    }

    [Fact]
    public void PrepaymentOnly_NeedsAHundredPercentUpfront()
    {
        Assert.Equal(["terms[4].upfront_percent"], Fields(WithGrade(PaymentGrade.E, t => t with { UpfrontPercent = 50 })));
    }

    [Fact]
    public void MonthsOfSalesOutside0To24_AreAViolation()
    {
        Assert.Equal(["terms[0].credit_limit_months_of_sales"], Fields(WithGrade(PaymentGrade.A, t => t with { CreditLimitMonthsOfSales = 25m })));
    }

    [Fact]
    public void AMissingGrade_IsAViolationOfTheTerms()
    {
        var policy = Default with { Terms = [.. Default.Terms.Where(t => t.Grade != PaymentGrade.C)] };

        Assert.Equal([new PolicyViolation("terms", "has no terms for grade C")], TermsPolicyValidator.Validate(policy));
    }

    [Fact]
    public void ARepeatedGrade_IsAViolationOfTheRepeat()
    {
        var policy = Default with { Terms = [.. Default.Terms, Default.Terms[0]] };

        Assert.Equal([new PolicyViolation("terms[6].grade", "repeats grade A")], TermsPolicyValidator.Validate(policy));
    }

    [Fact]
    public void AWarningShareOutside1To100_IsAViolation()
    {
        Assert.Equal(["warn_at_percent_of_limit"], Fields(Default with { WarnAtPercentOfLimit = 0 }));
    }

    [Fact]
    public void EveryViolation_IsReportedAtOnce()
    {
        var policy = WithGrade(PaymentGrade.A, t => t with { NetDays = 400, UpfrontPercent = 120 }) with { WarnAtPercentOfLimit = 101 };

        Assert.Equal(["terms[0].net_days", "terms[0].upfront_percent", "warn_at_percent_of_limit"], Fields(policy));
    }
}
