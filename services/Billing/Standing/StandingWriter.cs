using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Receivables;
using CrmPlatform.EventContracts.Billing.V1;
using CrmPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Standing;

/// <summary>
/// Recomputes companies' payment standing (score, grade, credit hold) in the transaction of the
/// change that moved it, so a read right after a payment already sees its effect. A change of
/// grade or score is kept with its reason and told as PaymentGradeChanged; going on or off hold as
/// CreditHoldChanged. Promises whose date has passed are decided on the way.
/// </summary>
public sealed class StandingWriter(BillingDbContext db, IEventOutbox outbox, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The caller has saved its change (in its open transaction); this reads it back and saves nothing itself.</summary>
    public async Task Refresh(IEnumerable<Guid> companyIds, string reason, CancellationToken cancellationToken)
    {
        var policy = (await db.LoadCreditPolicy(cancellationToken)).ToBehaviour();
        foreach (var companyId in companyIds.Distinct())
        {
            await Refresh(companyId, policy, reason, cancellationToken);
        }
    }

    private async Task Refresh(Guid companyId, TermsPolicy policy, string reason, CancellationToken cancellationToken)
    {
        var today = Today;
        var facts = await CompanyFacts.Load(db, companyId, cancellationToken);
        await DecidePromises(facts, today, cancellationToken);
        var assessment = PaymentGrader.Assess(facts.Invoices, facts.Events, today);
        var terms = TermsRecommender.Recommend(assessment, policy, facts.Invoices, today);
        var exposures = await Exposures.Of(db, companyId, facts.Invoices, today, cancellationToken);

        var isNew = !await db.Standings.AnyAsync(s => s.CompanyId == companyId && s.ComputedAt != null, cancellationToken);
        var standing = await Standing(companyId, cancellationToken);

        var (previousGrade, previousScore, wasOnHold) = (standing.Grade, standing.Score, standing.OnCreditHold);
        var grade = assessment.Grade.Letter();
        var score = assessment.Score.Score ?? 0;
        var eventExposure = exposures.ForEvents(standing, policy.CountDrafts);
        var holdReasons = HoldReasons(terms, standing, eventExposure).ToList();

        standing.Grade = grade;
        standing.Score = score;
        standing.OnCreditHold = holdReasons.Count > 0;
        standing.ComputedAt = clock.GetUtcNow();

        if (isNew || grade != previousGrade || score != previousScore)
        {
            var why = $"{reason}: {assessment.Summary}";
            db.GradeChanges.Add(new GradeChange
            {
                TenantId = db.TenantId,
                CompanyId = companyId,
                ChangedAt = clock.GetUtcNow(),
                PreviousGrade = isNew ? null : previousGrade,
                Grade = grade,
                PreviousScore = isNew ? 0 : previousScore,
                Score = score,
                Reason = why.Length > 500 ? why[..499] + "…" : why,
            });
            var maxDaysOverdue = facts.Rows.Where(i => i.IsReceivable && i.OpenAmount > 0).Select(i => InvoiceMapper.DaysBeyondTerms(i, today)).DefaultIfEmpty(0).Max();
            outbox.Enqueue(new PaymentGradeChanged(db.TenantId, companyId, grade, isNew ? null : previousGrade, score, isNew ? 0 : previousScore, maxDaysOverdue, eventExposure, reason));
        }

        if (standing.OnCreditHold != wasOnHold)
        {
            outbox.Enqueue(new CreditHoldChanged(db.TenantId, companyId, standing.OnCreditHold, grade, eventExposure,
                standing.OnCreditHold ? holdReasons : [$"Off hold after {reason}"]));
        }
    }

    /// <summary>The company's standing row, tracked; a new one (not yet computed) when it has none.</summary>
    public async Task<CompanyStanding> Standing(Guid companyId, CancellationToken cancellationToken)
    {
        var standing = db.Standings.Local.FirstOrDefault(s => s.CompanyId == companyId)
            ?? await db.Standings.FirstOrDefaultAsync(s => s.CompanyId == companyId, cancellationToken);
        if (standing is null)
        {
            standing = new CompanyStanding { CompanyId = companyId, TenantId = db.TenantId };
            db.Standings.Add(standing);
        }

        return standing;
    }

    /// <summary>On hold: the terms for the grade hold new work, or what the company owes is over its credit limit.</summary>
    private static IEnumerable<string> HoldReasons(TermsRecommendation terms, CompanyStanding standing, IReadOnlyList<CurrencyExposure> exposure)
    {
        if (terms.HoldNewWork)
        {
            yield return $"{TermsRecommender.GradeName(terms.Grade)}: the policy holds new work";
        }

        foreach (var over in exposure.Where(e => e.CreditLimit is { } limit && e.CreditUsePercent > 100))
        {
            yield return $"Owes {Amounts.Format(over.Open, over.CurrencyCode)}, over its credit limit of {Amounts.Format(over.CreditLimit!.Value, over.CurrencyCode)}";
        }
    }

    /// <summary>Promises still pending whose day (and grace) has passed: kept or broken, from the payments.</summary>
    private async Task DecidePromises(CompanyFacts facts, DateOnly today, CancellationToken cancellationToken)
    {
        var pending = await db.CollectionEfforts
            .Where(e => e.CompanyId == facts.CompanyId && e.PromiseOutcome == PromiseOutcome.Pending)
            .ToListAsync(cancellationToken);
        foreach (var effort in pending)
        {
            var invoice = facts.Invoices.FirstOrDefault(i => i.Id == effort.InvoiceId);
            var outcome = PromiseCheck.Decide(effort.ToEvent(), invoice, today).ToOutcome();
            if (outcome != PromiseOutcome.Pending)
            {
                effort.PromiseOutcome = outcome;
            }
        }
    }
}
