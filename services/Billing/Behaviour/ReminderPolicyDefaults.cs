namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The dunning levels a tenant starts with: a courtesy note before the due date, two reminders,
/// then a final notice by letter.
/// </summary>
public static class ReminderPolicyDefaults
{
    public static ReminderPolicy Policy { get; } = new(
    [
        new(1, -3, "Due in three days"),
        new(2, 7, "First reminder"),
        new(3, 21, "Second reminder"),
        new(4, 35, "Final notice", CollectionEventKind.Letter),
    ]);
}
