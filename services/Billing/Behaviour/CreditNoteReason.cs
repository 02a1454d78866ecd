namespace CrmPlatform.Billing.Behaviour;

/// <summary>Why an invoice was credited; the reasons the client caused count against their grade.</summary>
public enum CreditNoteReason
{
    /// <summary>A goodwill or commercial credit the tenant chose to give: not held against the client.</summary>
    Commercial,

    /// <summary>A discount the client demanded.</summary>
    DiscountDemanded,

    /// <summary>What settled a dispute (the dispute itself is counted from its opening).</summary>
    DisputeSettlement,

    /// <summary>The early-payment discount, taken within its days: the terms at work, not held against anyone.</summary>
    EarlyPaymentDiscount,

    /// <summary>The early-payment discount taken after it expired: a short payment.</summary>
    EarlyPaymentDiscountExpired,
}
