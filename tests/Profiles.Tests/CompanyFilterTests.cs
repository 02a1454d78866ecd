using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.Search;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Tests;

/// <summary>The filter's translation checked by compiling it and applying it to companies in memory.</summary>
public sealed class CompanyFilterTests
{
    private static readonly Company Small = new() { Name = "Small", EmployeeCount = 8, IndustryCode = "2410", Tags = ["steel"] };
    private static readonly Company Large = new() { Name = "Large", EmployeeCount = 800, IndustryCode = "541511", LifecycleStage = LifecycleStage.Customer };

    [Fact]
    public void NoConditions_IsNoFilter()
    {
        Assert.Null(CompanyFilter.Build(new Proto.CompanyFilter(), new FieldViolations()));
    }

    [Fact]
    public void GreaterThan_OnEmployeeCount_KeepsTheLarger()
    {
        Assert.Equal(["Large"], Apply(Filter(("employee_count", Proto.ConditionOperator.GreaterThan, "100"))));
    }

    [Fact]
    public void ConditionsInOneGroup_MustAllHold()
    {
        var filter = Filter(("industry_code", Proto.ConditionOperator.Equals, "2410"), ("employee_count", Proto.ConditionOperator.GreaterThan, "100"));

        Assert.Empty(Apply(filter));
    }

    [Fact]
    public void Groups_AreAlternatives()
    {
        var filter = new Proto.CompanyFilter
        {
            AnyOf =
            {
                Group(("industry_code", Proto.ConditionOperator.Equals, "2410")),
                Group(("lifecycle_stage", Proto.ConditionOperator.Equals, "CUSTOMER")),
            },
        };

        Assert.Equal(["Large", "Small"], Apply(filter));
    }

    [Fact]
    public void Tag_IsComparedInLowerCase()
    {
        Assert.Equal(["Small"], Apply(Filter(("tag", Proto.ConditionOperator.Equals, "STEEL"))));
    }

    [Fact]
    public void NotEquals_OnATag_KeepsCompaniesWithoutIt()
    {
        Assert.Equal(["Large"], Apply(Filter(("tag", Proto.ConditionOperator.NotEquals, "steel"))));
    }

    [Fact]
    public void Ordering_OnAText_IsAViolationOfTheOperator()
    {
        Assert.Equal(["filter.any_of[0].all_of[0].operator"], Violations(Filter(("industry_code", Proto.ConditionOperator.GreaterThan, "2410"))));
    }

    [Fact]
    public void AnUnknownField_IsAViolationOfTheField()
    {
        Assert.Equal(["filter.any_of[0].all_of[0].field"], Violations(Filter(("shoe_size", Proto.ConditionOperator.Equals, "44"))));
    }

    [Fact]
    public void ANonNumber_ForEmployeeCount_IsAViolationOfTheValue()
    {
        Assert.Equal(["filter.any_of[0].all_of[0].value"], Violations(Filter(("employee_count", Proto.ConditionOperator.Equals, "many"))));
    }

    [Fact]
    public void EveryBadCondition_IsReported_AtOnce()
    {
        var filter = Filter(("shoe_size", Proto.ConditionOperator.Equals, "44"), ("lifecycle_stage", Proto.ConditionOperator.Equals, "ASLEEP"));

        Assert.Equal(2, Violations(filter).Count);
    }

    private static List<string> Apply(Proto.CompanyFilter filter)
    {
        var predicate = CompanyFilter.Build(filter, new FieldViolations())!.Compile();
        return new[] { Small, Large }.Where(predicate).Select(c => c.Name).Order().ToList();
    }

    private static List<string> Violations(Proto.CompanyFilter filter)
    {
        var violations = new FieldViolations();
        CompanyFilter.Build(filter, violations);
        return violations.ToList().Select(v => v.Field).ToList();
    }

    private static Proto.CompanyFilter Filter(params (string Field, Proto.ConditionOperator Operator, string Value)[] allOf) =>
        new() { AnyOf = { Group(allOf) } };

    private static Proto.CompanyConditionGroup Group(params (string Field, Proto.ConditionOperator Operator, string Value)[] allOf) =>
        new() { AllOf = { allOf.Select(c => new Proto.CompanyCondition { Field = c.Field, Operator = c.Operator, Value = c.Value }) } };
}
