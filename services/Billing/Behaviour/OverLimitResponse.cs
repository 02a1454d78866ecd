namespace CrmPlatform.Billing.Behaviour;

/// <summary>What an amount that takes the exposure over the credit limit meets, as the tenant chooses.</summary>
public enum OverLimitResponse
{
    Warn,
    Hold,
}
