namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// One level of a tenant's dunning policy: sent DaysAfterDue days after the due date (negative:
/// before it), as a reminder or a letter, under a label such as "Friendly reminder".
/// </summary>
public sealed record ReminderLevel(int Level, int DaysAfterDue, string Label, CollectionEventKind Kind = CollectionEventKind.Reminder);
