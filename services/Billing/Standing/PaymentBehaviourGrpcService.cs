using System.Globalization;
using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using CrmPlatform.KnownCompanies;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Standing;

/// <summary>crm.billing.v1.PaymentBehaviourService: a company's payment behaviour with its explanation, its grade's history, the tenant's aging, credit.</summary>
public sealed class PaymentBehaviourGrpcService(BillingDbContext db, StandingWriter standings, CreditChecks checks, PageTokens pages, TimeProvider clock)
    : Proto.PaymentBehaviourService.PaymentBehaviourServiceBase
{
    private const int AgingBatch = 2000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Computed at the read from the rows themselves, so ageing balances count to the day.</summary>
    public override async Task<Proto.PaymentBehaviour> GetPaymentBehaviour(Proto.GetPaymentBehaviourRequest request, ServerCallContext context)
    {
        var companyId = ResourceId.Parse(request.CompanyId, "company_id");
        await db.RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);
        var today = Today;
        var policy = (await db.LoadCreditPolicy(context.CancellationToken)).ToBehaviour();
        var facts = await CompanyFacts.Load(db, companyId, context.CancellationToken);
        var report = PaymentBehaviourReporter.Report(facts.Invoices, facts.Events, policy, today);
        var exposures = await Exposures.Of(db, companyId, facts.Invoices, today, context.CancellationToken);
        var standing = await db.Standings.AsNoTracking().FirstOrDefaultAsync(s => s.CompanyId == companyId, context.CancellationToken);
        return BehaviourMapper.ToProto(companyId, report, exposures, standing, clock.GetUtcNow());
    }

    public override async Task<Proto.ListGradeChangesResponse> ListGradeChanges(Proto.ListGradeChangesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();
        await db.RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);

        var query = db.GradeChanges.AsNoTracking().Where(c => c.CompanyId == companyId);
        if (page.After is { } cursor)
        {
            query = query.Where(c => c.ChangedAt < cursor.Time || (c.ChangedAt == cursor.Time && c.Id.CompareTo(cursor.Id) < 0));
        }

        var (rows, next) = await query.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .ToPageAsync(page, c => PageCursor.At(c.ChangedAt, c.Id), context.CancellationToken);

        // The trend reads the grade changes of the last year and the one in force before it.
        var today = Today;
        var yearAgo = new DateTimeOffset(today.AddMonths(-12).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var recent = await db.GradeChanges.AsNoTracking().Where(c => c.CompanyId == companyId && c.ChangedAt > yearAgo)
            .OrderBy(c => c.ChangedAt).Select(c => new { c.ChangedAt, c.Grade }).ToListAsync(context.CancellationToken);
        var before = await db.GradeChanges.AsNoTracking().Where(c => c.CompanyId == companyId && c.ChangedAt <= yearAgo)
            .OrderByDescending(c => c.ChangedAt).Select(c => new { c.ChangedAt, c.Grade }).FirstOrDefaultAsync(context.CancellationToken);
        var dated = (before is null ? recent : [before, .. recent])
            .Select(c => new DatedGrade(DateOnly.FromDateTime(c.ChangedAt.UtcDateTime), Policies.GradeOf(c.Grade).ToBehaviour())).ToList();

        return new Proto.ListGradeChangesResponse
        {
            Changes = { rows.Select(BehaviourMapper.ToProto) },
            NextPageToken = next,
            Trends = { GradeTrends.Standard(dated, today).Select(BehaviourMapper.ToProto) },
        };
    }

    /// <summary>The tenant's receivables open on the day, aged a batch of invoices at a time and added up per currency.</summary>
    public override async Task<Proto.AgingReport> GetAgingReport(Proto.GetAgingReportRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var asOf = request.AsOfDate is null ? Today : violations.Date("as_of_date", request.AsOfDate);
        violations.ThrowIfAny();

        var totals = new SortedDictionary<string, CurrencyAging>(StringComparer.Ordinal);
        Guid? after = null;
        while (true)
        {
            var query = db.Invoices.AsNoTracking()
                .Where(i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid || i.Status == InvoiceStatus.Overdue || i.Status == InvoiceStatus.Disputed)
                .Where(i => i.IssueDate <= asOf!.Value);
            if (after is { } cursor)
            {
                query = query.Where(i => i.Id.CompareTo(cursor) > 0);
            }

            var batch = await query.OrderBy(i => i.Id).Take(AgingBatch).ToListAsync(context.CancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var facts = await InvoiceFactsLoader.Load(db, batch, context.CancellationToken);
            foreach (var aging in Aging.ByCurrency(facts.Invoices.Values, asOf!.Value))
            {
                totals[aging.Currency] = totals.TryGetValue(aging.Currency, out var sum)
                    ? sum with
                    {
                        Current = sum.Current + aging.Current,
                        Days1To30 = sum.Days1To30 + aging.Days1To30,
                        Days31To60 = sum.Days31To60 + aging.Days31To60,
                        Days61To90 = sum.Days61To90 + aging.Days61To90,
                        Over90Days = sum.Over90Days + aging.Over90Days,
                    }
                    : aging;
            }

            after = batch[^1].Id;
        }

        return new Proto.AgingReport { AsOfDate = asOf!.Value.ToDate(), Currencies = { totals.Values.Select(BehaviourMapper.ToProto) } };
    }

    public override Task<Proto.CreditPolicy> GetCreditPolicy(Proto.GetCreditPolicyRequest request, ServerCallContext context) =>
        db.LoadCreditPolicy(context.CancellationToken);

    public override async Task<Proto.CreditPolicy> UpdateCreditPolicy(Proto.UpdateCreditPolicyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.Policy is null)
        {
            violations.Add("policy", "is required").ThrowIfAny();
        }

        var policy = request.Policy!;
        violations.Check(policy.OverLimitAction != Proto.OverLimitAction.Unspecified && System.Enum.IsDefined(policy.OverLimitAction),
            "policy.over_limit_action", "is required: OVER_LIMIT_ACTION_WARN or OVER_LIMIT_ACTION_HOLD");
        for (var i = 0; i < policy.Terms.Count; i++)
        {
            violations
                .Check(policy.Terms[i].Grade != Proto.PaymentGrade.Unspecified && System.Enum.IsDefined(policy.Terms[i].Grade), $"policy.terms[{i}].grade", "is required")
                .Check(Policies.ParseMonths(policy.Terms[i].CreditLimitMonthsOfSales) is not null, $"policy.terms[{i}].credit_limit_months_of_sales", "must be a decimal number of months such as \"0.5\"");
        }

        if (violations.IsEmpty)
        {
            foreach (var problem in TermsPolicyValidator.Validate(policy.ToBehaviour()))
            {
                violations.Add($"policy.{problem.Field}", problem.Message);
            }
        }

        violations.ThrowIfAny();
        var stored = Policies.ToProto(policy.ToBehaviour());
        var now = clock.GetUtcNow();
        await db.Save(stored, now, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        stored.UpdateTime = Timestamp.FromDateTimeOffset(now);
        return stored;
    }

    public override async Task<Proto.CreditLimit> SetCreditLimit(Proto.SetCreditLimitRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        violations.Money("limit", request.Limit, positive: true).ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);

        var standing = await standings.Standing(companyId, context.CancellationToken);
        standing.CreditLimitCurrencyCode = request.Limit?.CurrencyCode;
        standing.CreditLimit = request.Limit?.ToDecimal();
        standing.CreditLimitSetBy = checks.Actor;
        standing.CreditLimitSetAt = clock.GetUtcNow();
        await db.SaveChangesAsync(context.CancellationToken);
        var what = request.Limit is null ? "credit limit cleared" : $"credit limit set to {Receivables.Amounts.Format(standing.CreditLimit!.Value, standing.CreditLimitCurrencyCode!)}";
        await standings.Refresh([companyId], what, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return BehaviourMapper.ToLimit(standing);
    }

    public override async Task<Proto.CreditCheck> CheckCredit(Proto.CheckCreditRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        violations.Money("amount", request.Amount, required: true, positive: true).ThrowIfAny();
        await db.RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);
        var (result, grade) = await checks.Check(companyId, new CurrencyAmount(request.Amount.ToDecimal(), request.Amount.CurrencyCode), context.CancellationToken);
        return BehaviourMapper.ToProto(result, grade);
    }
}
