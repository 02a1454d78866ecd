using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;

namespace CrmPlatform.Billing.Receivables;

/// <summary>What sums need to know of an amount before adding it: whether it is one the rules accept.</summary>
internal static class Amounts
{
    /// <summary>True when <see cref="CommonTypes.Money"/> would find nothing wrong with it.</summary>
    public static bool IsMoneyWellFormed(Money money) => new FieldViolations().Money("m", money).IsEmpty;

    /// <summary>"1,250.50 EUR": how reasons and violations write an amount.</summary>
    public static string Format(decimal amount, string currency) =>
        $"{amount.ToString("#,0.00##", System.Globalization.CultureInfo.InvariantCulture)} {currency}";
}
