using CrmPlatform.Contracts.Common.V1;

namespace CrmPlatform.GrpcConventions;

/// <summary>Conversions between crm.common.v1 types and .NET's, and their validation.</summary>
public static class CommonTypes
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static decimal ToDecimal(this Money money) => money.Units + money.Nanos / NanosPerUnit;

    public static Money ToMoney(this decimal amount, string currencyCode)
    {
        var units = decimal.Truncate(amount);
        return new Money { CurrencyCode = currencyCode, Units = (long)units, Nanos = (int)((amount - units) * NanosPerUnit) };
    }

    public static DateOnly ToDateOnly(this Date date) => new(date.Year, date.Month, date.Day);

    public static Date ToDate(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static bool IsCurrencyCode(string? code) => code is not null && CurrencyCodes.Active.Contains(code);

    public static bool IsCountryCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetter);

    /// <summary>An amount as stored (numeric(19,4)): an ISO 4217 currency and at most four decimals.</summary>
    public static FieldViolations Money(this FieldViolations violations, string field, Money? amount, bool required = false, bool positive = false)
    {
        if (amount is null)
        {
            return required ? violations.Add(field, "is required") : violations;
        }

        var negative = amount.Units < 0 || amount.Nanos < 0;
        return violations
            .Check(IsCurrencyCode(amount.CurrencyCode), $"{field}.currency_code", "must be an ISO 4217 code such as EUR")
            .Check(amount.Nanos is > -1_000_000_000 and < 1_000_000_000, $"{field}.nanos", "must be between -999,999,999 and 999,999,999")
            .Check(!(amount.Units > 0 && amount.Nanos < 0) && !(amount.Units < 0 && amount.Nanos > 0), $"{field}.nanos", "must have the sign of units")
            .Check(!positive || (!negative && (amount.Units > 0 || amount.Nanos > 0)), field, "must be positive")
            .Check(Math.Abs(amount.Units) < 1_000_000_000_000_000, $"{field}.units", "is too large")
            .Check(amount.Nanos % 100_000 == 0, $"{field}.nanos", "must have at most 4 decimal places");
    }

    /// <summary>The date when <paramref name="date"/> is a real calendar date from 1900 on; otherwise a violation and null.</summary>
    public static DateOnly? Date(this FieldViolations violations, string field, Date? date, bool required = false)
    {
        if (date is null)
        {
            if (required)
            {
                violations.Add(field, "is required");
            }

            return null;
        }

        if (date.Year is < 1900 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            violations.Add(field, "must be a valid calendar date");
            return null;
        }

        return date.ToDateOnly();
    }
}
