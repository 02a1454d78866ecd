namespace CrmPlatform.Billing.Data;

public enum CreditReason
{
    Unspecified,
    Commercial,
    DiscountDemanded,
    DisputeSettlement,
    EarlyPaymentDiscount,

    /// <summary>A short payment: the early-payment discount taken after it expired.</summary>
    EarlyPaymentDiscountExpired,
}
