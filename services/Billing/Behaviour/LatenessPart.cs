namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// One amount of an invoice and how many days past the due date it was paid (negative: early),
/// or, for the still-open balance, how many days past due it is on the day of the calculation.
/// </summary>
public sealed record LatenessPart(DateOnly On, decimal Amount, int DaysBeyondTerms, bool IsOpenBalance);
