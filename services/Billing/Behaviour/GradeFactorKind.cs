namespace CrmPlatform.Billing.Behaviour;

/// <summary>What the grade counts: the score it starts from and the behaviour that takes points off it.</summary>
public enum GradeFactorKind
{
    PaymentScore,
    RemindersBeyondFirst,
    Calls,
    Letters,
    BrokenPromises,
    DiscountDemands,
    ShortPayments,
    Disputes,
    AgencyHandovers,
    WriteOffs,
}
