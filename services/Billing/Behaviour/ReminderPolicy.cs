namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// A tenant's dunning levels, numbered 1, 2, 3… in order of their days.
/// QuietDaysAfterPayment: a payment cancels the reminder pending when it arrives; the next one
/// waits this many days after the payment, for the remaining balance only (0–60).
/// <see cref="ReminderPolicyDefaults.Policy"/> is the default.
/// </summary>
public sealed record ReminderPolicy(IReadOnlyList<ReminderLevel> Levels, int QuietDaysAfterPayment = 7);
