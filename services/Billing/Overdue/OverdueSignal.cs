using CrmPlatform.Messaging.Wakeups;

namespace CrmPlatform.Billing.Overdue;

/// <summary>Wakes the <see cref="OverdueWatcher"/> early, once a write that set an earlier alarm commits.</summary>
public sealed class OverdueSignal : AlarmSignal;
