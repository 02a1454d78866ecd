using CrmPlatform.Interactions.Data;
using CrmPlatform.Messaging.Wakeups;
using CrmPlatform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>
/// Publishes the verdicts that change because time passes, when it passes, not on a nightly batch:
/// it sleeps until the earliest tenant's alarm (a due time passing, an over-contacted window
/// emptying), then, for each tenant whose alarm has come, re-judges the subjects whose stored
/// verdict time has made stale through <see cref="ContactStatsWriter"/>, as any write would (which
/// tells <c>ContactVerdictChanged</c>), and sets the tenant's next alarm; all in one transaction
/// per tenant, as that tenant, through row-level security.
/// </summary>
public sealed class VerdictWatcher(IServiceScopeFactory scopes, VerdictSignal signal, TimeProvider clock, ILogger<VerdictWatcher> logger)
    : AlarmWatcher<VerdictSignal>(signal, logger)
{
    /// <summary>Subjects re-judged per tenant in one transaction; the rest follow straight after.</summary>
    private const int BatchSize = 500;

    /// <summary>Handles every tenant whose alarm has come; returns how long to sleep until the next.</summary>
    public override async Task<TimeSpan> RunOnce(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InteractionsDbContext>();
            due = await db.VerdictAlarms.AsNoTracking().Where(a => a.WakeAt <= now).Select(a => a.Tenant).ToListAsync(cancellationToken);
        }

        foreach (var tenant in due)
        {
            try
            {
                await Handle(tenant, now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One tenant's failure must not hold back the others; its alarm stays and comes again.
                logger.LogError(e, "Tenant {Tenant}: re-judging verdicts failed; it is tried again.", tenant);
            }
        }

        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InteractionsDbContext>();
            var next = await db.VerdictAlarms.AsNoTracking().MinAsync(a => (DateTimeOffset?)a.WakeAt, cancellationToken);
            return VerdictClock.Sleep(next, clock.GetUtcNow());
        }
    }

    private async Task Handle(Guid tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContextSetter>().Use(new TenantInfo(tenant));
        var db = scope.ServiceProvider.GetRequiredService<InteractionsDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<ContactStatsWriter>();
        var alarms = scope.ServiceProvider.GetRequiredService<VerdictAlarms>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Another instance holding the alarm is handling this tenant: leave it to it.
        var claimed = await db.VerdictAlarms
            .FromSqlInterpolated($"SELECT * FROM verdict_alarms WHERE tenant = {tenant} AND wake_at <= {now} FOR UPDATE SKIP LOCKED")
            .FirstOrDefaultAsync(cancellationToken);
        if (claimed is null)
        {
            return;
        }

        // Narrowed by the watcher's partial indexes; VerdictClock decides.
        var candidates = await db.ContactStats.AsNoTracking()
            .Where(s => ((s.Verdict == null || s.Verdict == VerdictClock.OnTarget) && s.DueAt < now)
                || (s.Verdict == VerdictClock.OverContacted && s.OverContactedUntil <= now))
            .OrderBy(s => s.SubjectId)
            .Take(BatchSize)
            .Select(s => new { s.SubjectId, s.CompanyId, s.IsCompany, s.Verdict, s.DueAt, s.OverContactedUntil })
            .ToListAsync(cancellationToken);
        var stale = candidates
            .Where(s => VerdictClock.IsStale(s.Verdict, s.DueAt, s.OverContactedUntil, now))
            .Select(s => new ContactSubject(s.SubjectId, s.CompanyId, s.IsCompany))
            .ToList();

        await writer.Refresh(stale, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var next = candidates.Count == BatchSize ? now : await alarms.NextChange(cancellationToken);
        if (next is { } at)
        {
            claimed.WakeAt = at;
        }
        else
        {
            db.VerdictAlarms.Remove(claimed);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Tenant {Tenant}: {Count} verdicts re-judged as time passed; next alarm {Next}.", tenant, stale.Count, next?.ToString("O") ?? "none");
    }
}
