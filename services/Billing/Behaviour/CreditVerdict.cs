namespace CrmPlatform.Billing.Behaviour;

/// <summary>What a credit check answers: go ahead, go ahead knowingly, or stop until someone approves.</summary>
public enum CreditVerdict
{
    Allow,
    Warn,
    Hold,
}
