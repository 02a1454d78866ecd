using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Standing;
using CrmPlatform.GrpcConventions;
using CrmPlatform.KnownCompanies;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Collection;

/// <summary>crm.billing.v1.CollectionService: what it took to be paid, the tenant's reminder rules and the reminders due.</summary>
public sealed class CollectionGrpcService(BillingDbContext db, Collector collector, StandingWriter standings, PageTokens pages, TimeProvider clock)
    : Proto.CollectionService.CollectionServiceBase
{
    private const int PlanBatch = 500;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public override async Task<Proto.CollectionEffort> RecordCollectionEffort(Proto.RecordCollectionEffortRequest request, ServerCallContext context)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var effort = await collector.Record(request.Effort, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await standings.Refresh([effort.CompanyId], $"{Describe(effort)} recorded", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return effort.ToProto();
    }

    public override async Task<Proto.ListCollectionEffortsResponse> ListCollectionEfforts(Proto.ListCollectionEffortsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = request.CompanyId.Length > 0 ? ResourceId.Parse(request.CompanyId, "company_id", violations) : (Guid?)null;
        var invoiceId = request.InvoiceId.Length > 0 ? ResourceId.Parse(request.InvoiceId, "invoice_id", violations) : (Guid?)null;
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var query = db.CollectionEfforts.AsNoTracking();
        if (companyId is { } company)
        {
            await db.RequireKnownCompany(company, request.CompanyId, context.CancellationToken);
            query = query.Where(e => e.CompanyId == company);
        }

        if (invoiceId is { } invoice)
        {
            _ = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoice, context.CancellationToken)
                ?? throw new ResourceNotFoundException("Invoice", request.InvoiceId);
            query = query.Where(e => e.InvoiceId == invoice);
        }

        if (page.After is { } cursor)
        {
            query = query.Where(e => e.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(e => e.Id).ToPageAsync(page, e => PageCursor.At(e.Id), context.CancellationToken);
        return new Proto.ListCollectionEffortsResponse { Efforts = { rows.Select(e => e.ToProto()) }, NextPageToken = nextPageToken };
    }

    public override Task<Proto.DunningPolicy> GetDunningPolicy(Proto.GetDunningPolicyRequest request, ServerCallContext context) =>
        db.LoadDunningPolicy(context.CancellationToken);

    public override async Task<Proto.DunningPolicy> UpdateDunningPolicy(Proto.UpdateDunningPolicyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.Policy is null)
        {
            violations.Add("policy", "is required").ThrowIfAny();
        }

        for (var i = 0; i < request.Policy!.Levels.Count; i++)
        {
            violations.Check(request.Policy.Levels[i].Kind is Proto.CollectionEffortKind.Reminder or Proto.CollectionEffortKind.Letter or Proto.CollectionEffortKind.Unspecified,
                $"policy.levels[{i}].kind", "must be a reminder or a letter");
        }

        foreach (var problem in ReminderPolicyValidator.Validate(request.Policy.ToBehaviour()))
        {
            violations.Add($"policy.{problem.Field}", problem.Message);
        }

        violations.ThrowIfAny();
        var policy = Policies.ToProto(request.Policy.ToBehaviour());
        var now = clock.GetUtcNow();
        await db.Save(policy, now, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        policy.UpdateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
        return policy;
    }

    /// <summary>
    /// The reminders due on the day: every receivable invoice (by id, a batch at a time) planned
    /// from its own payments, credit notes and efforts, so a settled or disputed one, or one with a
    /// promise pending, is never on the list.
    /// </summary>
    public override async Task<Proto.ListDueRemindersResponse> ListDueReminders(Proto.ListDueRemindersRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var asOf = request.AsOfDate is null ? Today : violations.Date("as_of_date", request.AsOfDate);
        var companyId = request.CompanyId.Length > 0 ? ResourceId.Parse(request.CompanyId, "company_id", violations) : (Guid?)null;
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();
        if (companyId is { } company)
        {
            await db.RequireKnownCompany(company, request.CompanyId, context.CancellationToken);
        }

        var policy = (await db.LoadDunningPolicy(context.CancellationToken)).ToBehaviour();
        // The first level may come before the due date: nothing due later than that can be reminded yet.
        var latestDue = asOf!.Value.AddDays(-policy.Levels.Select(l => l.DaysAfterDue).DefaultIfEmpty(0).Min());
        var due = new List<(Invoice Row, ReminderDecision Decision)>();
        var after = page.After?.Id;
        while (due.Count <= page.Size)
        {
            var query = db.Invoices.AsNoTracking()
                .Where(i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid || i.Status == InvoiceStatus.Overdue)
                .Where(i => i.DueDate <= latestDue);
            if (companyId is { } id)
            {
                query = query.Where(i => i.CompanyId == id);
            }

            if (after is { } cursor)
            {
                query = query.Where(i => i.Id.CompareTo(cursor) > 0);
            }

            var batch = await query.OrderBy(i => i.Id).Take(PlanBatch).ToListAsync(context.CancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var facts = await InvoiceFactsLoader.Load(db, batch, context.CancellationToken);
            foreach (var invoice in batch)
            {
                var decision = ReminderPlanner.Plan(facts.Invoices[invoice.Id], facts.EventsOf(invoice.Id), policy, asOf.Value);
                if (decision.IsDue)
                {
                    due.Add((invoice, decision));
                    if (due.Count > page.Size)
                    {
                        break;
                    }
                }
            }

            after = batch[^1].Id;
        }

        var next = page.Close(due, d => PageCursor.At(d.Row.Id));
        return new Proto.ListDueRemindersResponse { Reminders = { due.Select(d => d.Decision.ToProto(d.Row)) }, NextPageToken = next };
    }

    private static string Describe(CollectionEffort effort) => effort.Kind switch
    {
        CollectionEffortKind.Reminder => $"reminder (level {effort.Level})",
        CollectionEffortKind.Letter => $"letter (level {effort.Level})",
        CollectionEffortKind.PromiseToPay => $"promise to pay by {effort.PromisedOn:yyyy-MM-dd}",
        CollectionEffortKind.DisputeOpened => "dispute opened",
        CollectionEffortKind.DisputeResolved => "dispute resolved",
        CollectionEffortKind.AgencyHandover => "hand-over to a collection agency",
        CollectionEffortKind.WriteOff => "write-off",
        _ => "call",
    };
}
