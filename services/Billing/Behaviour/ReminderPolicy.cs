namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// A tenant's dunning levels, numbered 1, 2, 3… in order of their days.
/// <see cref="ReminderPolicyDefaults.Policy"/> is the default.
/// </summary>
public sealed record ReminderPolicy(IReadOnlyList<ReminderLevel> Levels);
