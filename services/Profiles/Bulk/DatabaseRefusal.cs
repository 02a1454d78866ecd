using CrmPlatform.Profiles.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>
/// What the database refused about one company's row, said in the row's own terms: the field, if
/// it can be told, and a reason without SQL, table or constraint text.
/// </summary>
internal static class DatabaseRefusal
{
    /// <summary>
    /// Refusals a row's own values cause: integrity constraints (class 23), values a column cannot
    /// hold (class 22) and a row met twice by one statement (class 21). Anything else (a lost
    /// connection, a deadlock) is the import's failure, not the row's.
    /// </summary>
    public static bool IsCausedByRow(PostgresException e) => e.SqlState[..2] is "21" or "22" or "23";

    public static (string Field, string Description) Explain(PostgresException e, Company company, IModel model)
    {
        var companies = model.FindEntityType(typeof(Company))!;
        return e.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => (UniqueFields(companies, e.ConstraintName), "is already used by another company of this tenant"),
            PostgresErrorCodes.StringDataRightTruncation => (TooLong(companies, company), "is too long to store"),
            PostgresErrorCodes.NumericValueOutOfRange => ("", "holds a number too large to store"),
            PostgresErrorCodes.NotNullViolation => (e.ColumnName ?? "", "is required"),
            _ => ("", "was refused by the database"),
        };
    }

    /// <summary>The columns of the unique index the row collided on, tenant aside.</summary>
    private static string UniqueFields(IEntityType companies, string? constraint)
    {
        var index = companies.GetIndexes().FirstOrDefault(i => i.GetDatabaseName() == constraint);
        var key = companies.GetKeys().FirstOrDefault(k => k.GetName() == constraint);
        var columns = (index?.Properties ?? key?.Properties ?? []).Select(p => p.GetColumnName()).Where(c => c != "tenant_id");
        return string.Join(",", columns);
    }

    /// <summary>The columns whose value is longer than the column holds, as the model declares them.</summary>
    private static string TooLong(IEntityType companies, Company company)
    {
        var tooLong = companies.GetProperties().Where(p => IsLonger(p, company))
            .Concat(companies.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Where(p => IsLonger(p, c.PropertyInfo?.GetValue(company)))))
            .Select(p => p.GetColumnName());
        return string.Join(",", tooLong);
    }

    private static bool IsLonger(IProperty property, object? owner) =>
        owner is not null && property.GetMaxLength() is { } max && property.PropertyInfo?.GetValue(owner) is string value && value.Length > max;
}
