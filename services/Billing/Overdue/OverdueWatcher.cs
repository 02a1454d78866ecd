using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Standing;
using CrmPlatform.EventContracts.Billing.V1;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Messaging.Wakeups;
using CrmPlatform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Overdue;

/// <summary>
/// Wakes when a due date passes, not on a daily batch: it sleeps until the earliest alarm (the
/// first day an invoice is past due or a promise past its day and grace), then, for each tenant
/// whose alarm has come, marks the invoices now overdue, tells InvoiceOverdue once for each,
/// decides the promises, recomputes the companies' standings and sets the tenant's next alarm;
/// all in one transaction per tenant, as that tenant, through row-level security.
/// </summary>
public sealed class OverdueWatcher(IServiceScopeFactory scopes, OverdueSignal signal, TimeProvider clock, ILogger<OverdueWatcher> logger)
    : AlarmWatcher<OverdueSignal>(signal, logger)
{
    /// <summary>Looks again at least this often, so a missed wake or a changed clock costs a minute, never a day.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>Handles every tenant whose alarm has come; returns how long to sleep until the next.</summary>
    public override async Task<TimeSpan> RunOnce(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
            due = await db.OverdueAlarms.AsNoTracking().Where(a => a.WakeOn <= today).Select(a => a.Tenant).ToListAsync(cancellationToken);
        }

        foreach (var tenant in due)
        {
            await Handle(tenant, today, cancellationToken);
        }

        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
            var next = await db.OverdueAlarms.AsNoTracking().MinAsync(a => (DateOnly?)a.WakeOn, cancellationToken);
            if (next is null)
            {
                return MaxSleep;
            }

            var wake = new DateTimeOffset(next.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - clock.GetUtcNow();
            return wake < TimeSpan.Zero ? TimeSpan.FromSeconds(1) : wake < MaxSleep ? wake : MaxSleep;
        }
    }

    private async Task Handle(Guid tenant, DateOnly today, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContextSetter>().Use(new TenantInfo(tenant));
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
        var standings = scope.ServiceProvider.GetRequiredService<StandingWriter>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Another instance holding the alarm is handling this tenant: leave it to it.
        var claimed = await db.OverdueAlarms
            .FromSqlInterpolated($"SELECT * FROM overdue_alarms WHERE tenant = {tenant} AND wake_on <= {today} FOR UPDATE SKIP LOCKED")
            .FirstOrDefaultAsync(cancellationToken);
        if (claimed is null)
        {
            return;
        }

        var overdue = await db.Invoices
            .Where(i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid || i.Status == InvoiceStatus.Overdue || i.Status == InvoiceStatus.Disputed)
            .Where(i => !i.OverdueAnnounced && i.DueDate < today)
            .ToListAsync(cancellationToken);
        foreach (var invoice in overdue)
        {
            invoice.OverdueAnnounced = true;
            invoice.Refresh(today);
            outbox.Enqueue(new InvoiceOverdue(tenant, invoice.Id, invoice.CompanyId, invoice.Number, invoice.CurrencyCode,
                invoice.OpenAmount, invoice.DueDate, today.DayNumber - invoice.DueDate.DayNumber));
        }

        var promised = await db.CollectionEfforts
            .Where(e => e.PromiseOutcome == PromiseOutcome.Pending && e.PromisedOn != null)
            .Select(e => new { e.CompanyId, PromisedOn = e.PromisedOn!.Value })
            .ToListAsync(cancellationToken);
        var promisesDue = promised.Where(p => PromiseCheck.LastDay(p.PromisedOn) < today).Select(p => p.CompanyId);

        await db.SaveChangesAsync(cancellationToken);
        await standings.Refresh(overdue.Select(i => i.CompanyId).Concat(promisesDue), $"due dates passed on {today:yyyy-MM-dd}", cancellationToken);

        var nextDue = await db.Invoices
            .Where(i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid || i.Status == InvoiceStatus.Overdue || i.Status == InvoiceStatus.Disputed)
            .Where(i => !i.OverdueAnnounced)
            .MinAsync(i => (DateOnly?)i.DueDate, cancellationToken);
        var nextPromise = promised.Where(p => PromiseCheck.LastDay(p.PromisedOn) >= today).Select(p => (DateOnly?)PromiseCheck.LastDay(p.PromisedOn)).Min();
        var next = new[] { nextDue, nextPromise }.Where(d => d is not null).Select(d => d!.Value.AddDays(1)).DefaultIfEmpty().Min();
        if (next == default)
        {
            db.OverdueAlarms.Remove(claimed);
        }
        else
        {
            claimed.WakeOn = next;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Tenant {Tenant}: {Count} invoices became overdue; next alarm {Next}.", tenant, overdue.Count, next == default ? "none" : next.ToString("yyyy-MM-dd"));
    }
}
