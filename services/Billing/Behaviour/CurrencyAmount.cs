using System.Globalization;

namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// An exact amount of money in one ISO 4217 currency. Amounts of different currencies are never
/// added together: every sum in Billing's behaviour is per currency.
/// </summary>
public readonly record struct CurrencyAmount(decimal Amount, string Currency)
{
    /// <summary>"42,000.00 EUR": the form reasons and explanations use, the same in every culture.</summary>
    public override string ToString() =>
        Amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " " + Currency;
}
