namespace CrmPlatform.Interactions.Data;

/// <summary>
/// When a tenant next has a contact verdict that time alone changes (a due time passing, an
/// over-contacted window emptying). Like the outbox, it sits outside row-level security: the
/// watcher must find every due tenant before it can act as one. It holds a tenant's id and a
/// time, nothing of its data; the watcher then reads as that tenant, through row-level security.
/// </summary>
public sealed class VerdictAlarm
{
    public Guid Tenant { get; set; }

    /// <summary>The earliest moment a stored verdict of the tenant's may have gone stale.</summary>
    public DateTimeOffset WakeAt { get; set; }
}
