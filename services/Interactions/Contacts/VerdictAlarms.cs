using CrmPlatform.Interactions.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>
/// Keeps the tenant's alarm no later than the next moment time changes one of its verdicts, in the
/// caller's transaction (every write that arms one runs in an explicit transaction), and wakes the
/// watcher once it commits.
/// </summary>
public sealed class VerdictAlarms(InteractionsDbContext db, VerdictSignal signal)
{
    /// <summary>A verdict of this tenant's may change by time alone at <paramref name="at"/>.</summary>
    public async Task Arm(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO verdict_alarms (tenant, wake_at) VALUES ({db.TenantId}, {at})
            ON CONFLICT (tenant) DO UPDATE SET wake_at = LEAST(verdict_alarms.wake_at, EXCLUDED.wake_at)
            """,
            cancellationToken);
        signal.Armed();
    }

    /// <summary>Arms for all the tenant's stored rows after a write that moved their due times.</summary>
    public async Task ArmForTenant(CancellationToken cancellationToken)
    {
        if (await NextChange(cancellationToken) is { } at)
        {
            await Arm(at, cancellationToken);
        }
    }

    /// <summary>
    /// The earliest <see cref="VerdictClock.NextChange"/> over the tenant's stored rows, read through
    /// the watcher's two partial indexes.
    /// </summary>
    public async Task<DateTimeOffset?> NextChange(CancellationToken cancellationToken)
    {
        var due = await db.ContactStats.Where(s => s.Verdict == null || s.Verdict == VerdictClock.OnTarget)
            .MinAsync(s => (DateTimeOffset?)s.DueAt, cancellationToken);
        var lapse = await db.ContactStats.Where(s => s.Verdict == VerdictClock.OverContacted)
            .MinAsync(s => s.OverContactedUntil, cancellationToken);
        return due is null ? lapse : lapse is null ? due : due < lapse ? due : lapse;
    }
}
