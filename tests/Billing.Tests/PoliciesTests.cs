using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Standing;

namespace CrmPlatform.Billing.Tests;

/// <summary>The tenant's policies between the contract and the behaviour logic's records.</summary>
public sealed class PoliciesTests
{
    [Fact]
    public void TheDefaultCreditPolicy_SurvivesTheContractUnchanged()
    {
        var back = Policies.ToProto(TermsPolicyDefaults.Policy).ToBehaviour();

        Assert.Equal(TermsPolicyDefaults.Policy.Terms, back.Terms);
        Assert.Equal((TermsPolicyDefaults.Policy.OverLimit, TermsPolicyDefaults.Policy.CountDrafts), (back.OverLimit, back.CountDrafts));
    }

    [Fact]
    public void TheDefaultDunningPolicy_SurvivesTheContractUnchanged()
    {
        var back = Policies.ToProto(ReminderPolicyDefaults.Policy).ToBehaviour();

        Assert.Equal(ReminderPolicyDefaults.Policy.Levels, back.Levels);
        Assert.Equal(ReminderPolicyDefaults.Policy.QuietDaysAfterPayment, back.QuietDaysAfterPayment);
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("2", 2)]
    [InlineData("", 0)]
    public void MonthsOfSales_AreReadExactly(string text, double expected) =>
        Assert.Equal((decimal)expected, Policies.ParseMonths(text));

    [Fact]
    public void MonthsOfSalesThatAreNotANumber_AreNotRead() => Assert.Null(Policies.ParseMonths("half"));
}
