namespace CrmPlatform.Billing.Data;

/// <summary>
/// When a tenant next has something falling due (an invoice's due date or a promised date
/// passing). Like the outbox, it sits outside row-level security: the job that wakes at the
/// boundary must find every tenant before it can act as one. It holds a tenant's id and a date,
/// nothing of its data; the job then reads as that tenant, through row-level security.
/// </summary>
public sealed class OverdueAlarm
{
    public Guid Tenant { get; set; }

    /// <summary>The first day on which something of the tenant's is past its date.</summary>
    public DateOnly WakeOn { get; set; }
}
