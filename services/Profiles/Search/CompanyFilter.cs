using System.Globalization;
using System.Linq.Expressions;
using CrmPlatform.Profiles.Data;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Search;

/// <summary>
/// Turns a request's OR-groups of AND-ed conditions into one predicate EF translates to SQL, so
/// filtering, ranking and paging happen in a single query.
/// </summary>
public static class CompanyFilter
{
    public static readonly string[] Fields = ["industry_code", "lifecycle_stage", "account_owner", "tag", "country_code", "employee_count"];

    public static Expression<Func<Company, bool>>? Build(Proto.CompanyFilter? filter, FieldViolations violations)
    {
        if (filter is null || filter.AnyOf.Count == 0)
        {
            return null;
        }

        var company = Expression.Parameter(typeof(Company), "c");
        Expression? anyOf = null;
        for (var g = 0; g < filter.AnyOf.Count; g++)
        {
            Expression? allOf = null;
            for (var c = 0; c < filter.AnyOf[g].AllOf.Count; c++)
            {
                var condition = Condition(filter.AnyOf[g].AllOf[c], $"filter.any_of[{g}].all_of[{c}]", violations);
                if (condition is not null)
                {
                    var body = new Rebind(condition.Parameters[0], company).Visit(condition.Body);
                    allOf = allOf is null ? body : Expression.AndAlso(allOf, body);
                }
            }

            allOf ??= Expression.Constant(true);
            anyOf = anyOf is null ? allOf : Expression.OrElse(anyOf, allOf);
        }

        return Expression.Lambda<Func<Company, bool>>(anyOf!, company);
    }

    private static Expression<Func<Company, bool>>? Condition(Proto.CompanyCondition condition, string path, FieldViolations violations)
    {
        var value = condition.Value.Trim();
        var op = condition.Operator;
        if (op == Proto.ConditionOperator.Unspecified || !Enum.IsDefined(op))
        {
            violations.Add($"{path}.operator", "is required");
            return null;
        }

        var ordering = op is Proto.ConditionOperator.GreaterThan or Proto.ConditionOperator.LessThan;
        var negate = op == Proto.ConditionOperator.NotEquals;
        switch (condition.Field)
        {
            case "employee_count":
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                {
                    violations.Add($"{path}.value", "must be a whole number for employee_count");
                    return null;
                }

                return op switch
                {
                    Proto.ConditionOperator.GreaterThan => c => c.EmployeeCount > count,
                    Proto.ConditionOperator.LessThan => c => c.EmployeeCount < count,
                    Proto.ConditionOperator.NotEquals => c => c.EmployeeCount != count,
                    _ => c => c.EmployeeCount == count,
                };
            case var _ when ordering:
                violations.Add($"{path}.operator", $"{condition.Field} can only be compared for equality");
                return null;
            case "industry_code":
                return negate ? c => c.IndustryCode != value : c => c.IndustryCode == value;
            case "account_owner":
                return negate ? c => c.AccountOwner != value : c => c.AccountOwner == value;
            case "country_code":
                var country = value.ToUpperInvariant();
                return negate ? c => c.Headquarters.CountryCode != country : c => c.Headquarters.CountryCode == country;
            case "tag":
                var tag = value.ToLowerInvariant();
                return negate ? c => !c.Tags.Contains(tag) : c => c.Tags.Contains(tag);
            case "lifecycle_stage":
                if (!Enum.TryParse<LifecycleStage>(value.Replace("LIFECYCLE_STAGE_", "").Replace("_", ""), ignoreCase: true, out var stage))
                {
                    violations.Add($"{path}.value", "must be a lifecycle stage such as CUSTOMER");
                    return null;
                }

                return negate ? c => c.LifecycleStage != stage : c => c.LifecycleStage == stage;
            default:
                violations.Add($"{path}.field", $"must be one of {string.Join(", ", Fields)}");
                return null;
        }
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
