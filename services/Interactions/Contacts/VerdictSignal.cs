using CrmPlatform.Messaging.Wakeups;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>Wakes the <see cref="VerdictWatcher"/> early, once a write that set an earlier alarm commits.</summary>
public sealed class VerdictSignal : AlarmSignal;
