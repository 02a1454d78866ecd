using CrmPlatform.Contracts.Common.V1;

namespace CrmPlatform.Billing.Grpc;

internal static class MoneyMapper
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
}
