using CrmPlatform.Billing.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Overdue;

/// <summary>Sets a tenant's alarm no later than a day, in the caller's transaction, and wakes the watcher once it commits (every write that arms one runs in an explicit transaction).</summary>
public sealed class OverdueAlarms(BillingDbContext db, OverdueSignal signal)
{
    /// <summary>Something of this tenant's passes its date at the start of <paramref name="day"/>.</summary>
    public async Task Arm(DateOnly day, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO overdue_alarms (tenant, wake_on) VALUES ({db.TenantId}, {day})
            ON CONFLICT (tenant) DO UPDATE SET wake_on = LEAST(overdue_alarms.wake_on, EXCLUDED.wake_on)
            """,
            cancellationToken);
        signal.Armed();
    }
}
