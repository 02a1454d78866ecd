namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// A is best. NotEnoughHistory is the default so that an unset grade can never pass for a real one.
/// </summary>
public enum PaymentGrade
{
    NotEnoughHistory,
    A,
    B,
    C,
    D,
    E,
}
