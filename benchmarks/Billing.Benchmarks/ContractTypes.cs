using CrmPlatform.Contracts.Common.V1;

namespace CrmPlatform.Benchmarks.Billing;

/// <summary>Amounts and days as the contracts carry them (crm.common.v1 Money and Date).</summary>
public static class ContractTypes
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static Money ToMoney(this decimal amount, string currency)
    {
        var units = decimal.Truncate(amount);
        return new Money { CurrencyCode = currency, Units = (long)units, Nanos = (int)((amount - units) * NanosPerUnit) };
    }

    public static decimal ToDecimal(this Money? money) => money is null ? 0 : money.Units + money.Nanos / NanosPerUnit;

    public static Date ToDate(this DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
