using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Data;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Tenancy;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static CrmPlatform.Interactions.Data.RawSql;
using Channel = CrmPlatform.Contracts.Interactions.V1.Channel;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>
/// Contact statistics, verdicts, the check before a call and the tenant's policy. Statistics count
/// every contact whatever its visibility: a private call still stops a second one.
/// </summary>
public sealed class ContactGrpcService(InteractionsDbContext db, PageTokens pages, ITenantContextAccessor tenants, VerdictAlarms alarms, TimeProvider clock)
    : ContactService.ContactServiceBase
{
    public override async Task<ContactCheck> CheckContact(CheckContactRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (companyId, personId) = Timeline.CompanyOrPerson.Read(request.CompanyId, request.PersonId, violations);
        violations.Check(request.Channel != Channel.Unspecified && System.Enum.IsDefined(request.Channel), "channel", "must be PHONE, MEETING, EMAIL, SOCIAL or NEWSLETTER");
        var memberId = request.MemberId.Length > 0 ? ResourceId.Parse(request.MemberId, "member_id", violations) : tenants.Tenant?.MemberId;
        violations.ThrowIfAny();

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var target = await Resolve(companyId, personId, request.CompanyId, request.PersonId, context.CancellationToken);
        if (request.MemberId.Length > 0 && !await db.KnownMembers.AnyAsync(m => m.MemberId == memberId && m.RemovedAt == null, context.CancellationToken))
        {
            throw new ResourceNotFoundException("Member", request.MemberId);
        }

        var policy = await db.LoadPolicy(context.CancellationToken);
        var window = Window(policy);
        var recent = await db.ReadAsync(
            """
            SELECT s.occurred_at, s.channel, s.author_id, coalesce(m.name, 'A co-worker'), s.interaction_id,
              coalesce((SELECT p.display_name FROM known_people p WHERE p.tenant_id = s.tenant_id AND p.person_id =
                (SELECT i.person_ids[1] FROM interactions i WHERE i.tenant_id = @tenant AND i.id = s.interaction_id)), @fallback)
            FROM interaction_subjects s
            LEFT JOIN known_members m ON m.tenant_id = s.tenant_id AND m.member_id = s.author_id
            WHERE s.tenant_id = @tenant AND s.subject_id = @subject AND s.contact AND s.direction = 'Outbound'
              AND s.occurred_at > @since AND s.occurred_at <= @now
            ORDER BY s.occurred_at DESC, s.interaction_id DESC
            LIMIT 1000
            """,
            r => new PastContact(
                r.GetFieldValue<DateTimeOffset>(0), (Channel)System.Enum.Parse<Data.Channel>(r.GetString(1)),
                r.IsDBNull(2) ? null : r.GetGuid(2), r.GetString(3), target.IsPerson ? target.Name : r.GetString(5), r.GetGuid(4)),
            context.CancellationToken,
            P("tenant", db.TenantId), P("subject", target.SubjectId), P("since", now - window), P("now", now), P("fallback", target.CompanyName));

        var reached = await db.ReadAsync(
            """
            SELECT count(DISTINCT subject_id)::int, coalesce(bool_or(subject_id = @person), false)
            FROM interaction_subjects
            WHERE tenant_id = @tenant AND company_id = @company AND NOT is_company AND contact
              AND direction = 'Outbound' AND channel <> 'Newsletter' AND occurred_at > @since AND occurred_at <= @now
            """,
            r => (Count: r.GetInt32(0), Target: r.GetBoolean(1)),
            context.CancellationToken,
            P("tenant", db.TenantId), P("company", target.CompanyId), P("person", target.SubjectId), P("since", now.AddDays(-7)), P("now", now));

        var judgement = await Judge(target, policy, now, context.CancellationToken);
        return ContactChecks.Check(new ContactCheckInput(
            policy, request.Channel, memberId, target.Name, target.IsPerson, recent,
            reached[0].Count, reached[0].Target, target.CompanyName, judgement.Verdict, judgement.Reasons, now));
    }

    public override async Task<ContactStats> GetContactStats(GetContactStatsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (companyId, personId) = Timeline.CompanyOrPerson.Read(request.CompanyId, request.PersonId, violations);
        violations.ThrowIfAny();

        var now = clock.GetUtcNow();
        var target = await Resolve(companyId, personId, request.CompanyId, request.PersonId, context.CancellationToken);
        var policy = await db.LoadPolicy(context.CancellationToken);
        var row = await db.ContactStats.AsNoTracking().FirstOrDefaultAsync(s => s.SubjectId == target.SubjectId, context.CancellationToken);
        var judgement = await Judge(target, policy, now, context.CancellationToken);

        var stats = ContactSummary.Stats(ContactStatsWriter.Read(row?.StatsJson), now);
        stats.CompanyId = target.CompanyId.ToString();
        stats.PersonId = target.IsPerson ? target.SubjectId.ToString() : "";
        stats.Verdict = judgement.Verdict;
        stats.VerdictReasons.AddRange(judgement.Reasons);
        stats.CadenceDays = judgement.CadenceDays;
        stats.NextContactDueTime = Timestamp.FromDateTimeOffset(judgement.DueAt);
        return stats;
    }

    public override async Task<ListCompaniesByVerdictResponse> ListCompaniesByVerdict(ListCompaniesByVerdictRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var neglected = request.Verdict is "neglected" or "VERDICT_NEGLECTED";
        violations
            .Check(neglected || request.Verdict is "over-contacted" or "VERDICT_OVER_CONTACTED", "verdict", "must be neglected or over-contacted")
            .MaxLength("account_owner", request.AccountOwner, 200);
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var now = clock.GetUtcNow();
        var rows = db.ContactStats.AsNoTracking().Where(s => s.IsCompany && s.Listed);
        if (request.AccountOwner.Length > 0)
        {
            rows = rows.Where(s => s.AccountOwner == request.AccountOwner);
        }

        // Neglected: the longest overdue first. Over-contacted: the longest to go first.
        if (neglected)
        {
            rows = rows.Where(s => s.DueAt < now);
            if (page.After is { } cursor)
            {
                rows = rows.Where(s => s.DueAt > cursor.Time || (s.DueAt == cursor.Time && s.SubjectId.CompareTo(cursor.Id) > 0));
            }

            rows = rows.OrderBy(s => s.DueAt).ThenBy(s => s.SubjectId);
        }
        else
        {
            rows = rows.Where(s => s.OverContactedUntil > now);
            if (page.After is { } cursor)
            {
                rows = rows.Where(s => s.OverContactedUntil < cursor.Time || (s.OverContactedUntil == cursor.Time && s.SubjectId.CompareTo(cursor.Id) > 0));
            }

            rows = rows.OrderByDescending(s => s.OverContactedUntil).ThenBy(s => s.SubjectId);
        }

        var found = await rows
            .Join(db.Set<KnownCompany>(), s => s.SubjectId, c => c.CompanyId, (s, c) => new { Stats = s, c.Name })
            .Take(page.Size + 1)
            .ToListAsync(context.CancellationToken);
        var next = page.Close(found, r => PageCursor.At(neglected ? r.Stats.DueAt : r.Stats.OverContactedUntil!.Value, r.Stats.SubjectId));
        return new ListCompaniesByVerdictResponse
        {
            Companies =
            {
                found.Select(r => new CompanyVerdict
                {
                    CompanyId = r.Stats.SubjectId.ToString(),
                    CompanyName = r.Name,
                    AccountOwner = r.Stats.AccountOwner ?? "",
                    Verdict = neglected ? Verdict.Neglected : Verdict.OverContacted,
                    Reasons =
                    {
                        neglected
                            ? [$"No personal contact since {r.Stats.DueFrom:yyyy-MM-dd}; due by {r.Stats.DueAt:yyyy-MM-dd}"]
                            : r.Stats.OverContactedReasons,
                    },
                    LastContactTime = r.Stats.LastContactAt is { } last ? Timestamp.FromDateTimeOffset(last) : null,
                    NextContactDueTime = Timestamp.FromDateTimeOffset(r.Stats.DueAt),
                    // Counted at the time of the read: a stored count would keep contacts past their 30 days.
                    OutboundCount30D = ContactStatsWriter.Read(r.Stats.StatsJson).Recent.Count(e => e.Direction == Data.Direction.Outbound && e.At > now.AddDays(-30) && e.At <= now),
                }),
            },
            NextPageToken = next,
        };
    }

    public override Task<ContactPolicy> GetContactPolicy(GetContactPolicyRequest request, ServerCallContext context) =>
        db.LoadPolicy(context.CancellationToken);

    public override async Task<ContactPolicy> UpdateContactPolicy(UpdateContactPolicyRequest request, ServerCallContext context)
    {
        ContactPolicies.Validate(request.Policy, new FieldViolations()).ThrowIfAny();
        var now = clock.GetUtcNow();
        var policy = request.Policy.Clone();
        policy.UpdateTime = null;

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var row = await db.ContactPolicies.FirstOrDefaultAsync(context.CancellationToken);
        if (row is null)
        {
            db.ContactPolicies.Add(row = new ContactPolicyRow { PolicyJson = "" });
        }

        row.PolicyJson = Timeline.InteractionMapper.Format(policy);
        row.UpdatedAt = now;
        await db.SaveChangesAsync(context.CancellationToken);

        // Companies without a cadence of their own (and their people) follow the new default at once.
        var cadence = ContactPolicies.CadenceDays(policy, null);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE contact_stats s SET due_at = s.due_from + make_interval(days => {cadence})
            WHERE s.tenant_id = {db.TenantId} AND (
              (s.is_company AND s.cadence_days IS NULL) OR
              (NOT s.is_company AND NOT EXISTS (
                SELECT 1 FROM contact_stats c WHERE c.tenant_id = s.tenant_id AND c.subject_id = s.company_id AND c.cadence_days IS NOT NULL)))
            """,
            context.CancellationToken);
        await alarms.ArmForRows(null, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        policy.UpdateTime = Timestamp.FromDateTimeOffset(now);
        return policy;
    }

    /// <summary>The company or person a statistic or check is about, with the names reasons speak of.</summary>
    private sealed record ContactTarget(Guid SubjectId, Guid CompanyId, bool IsPerson, string Name, string CompanyName);

    private async Task<ContactTarget> Resolve(Guid? companyId, Guid? personId, string requestedCompany, string requestedPerson, CancellationToken cancellationToken)
    {
        if (companyId is { } company)
        {
            var known = await db.Set<KnownCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.CompanyId == company, cancellationToken)
                ?? throw new ResourceNotFoundException("Company", requestedCompany);
            return new ContactTarget(company, company, false, known.Name, known.Name);
        }

        var person = await db.Set<KnownPerson>().AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken)
            ?? throw new ResourceNotFoundException("Person", requestedPerson);
        var current = await db.CurrentCompany(person.CompanyId, cancellationToken);
        var companyName = await db.Set<KnownCompany>().Where(c => c.CompanyId == current).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "their company";
        return new ContactTarget(person.PersonId, current, true, person.DisplayName ?? "this person", companyName);
    }

    private sealed record TargetJudgement(Verdict Verdict, IReadOnlyList<string> Reasons, int CadenceDays, DateTimeOffset DueAt);

    private async Task<TargetJudgement> Judge(ContactTarget target, ContactPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.ContactStats.AsNoTracking()
            .Where(s => s.SubjectId == target.SubjectId || s.SubjectId == target.CompanyId)
            .ToListAsync(cancellationToken);
        var row = rows.FirstOrDefault(s => s.SubjectId == target.SubjectId);
        var companyRow = rows.FirstOrDefault(s => s.SubjectId == target.CompanyId);
        var cadence = ContactPolicies.CadenceDays(policy, companyRow?.CadenceDays);
        var knownSince = row?.KnownSince
            ?? await db.Set<KnownCompany>().Where(c => c.CompanyId == target.CompanyId).Select(c => (DateTimeOffset?)c.KnownSince).FirstOrDefaultAsync(cancellationToken)
            ?? now;
        var judgement = ContactVerdicts.Judge(ContactStatsWriter.Read(row?.StatsJson), policy, cadence, target.IsPerson, knownSince, now);
        return new TargetJudgement(judgement.Verdict, judgement.Reasons, cadence, judgement.DueAt);
    }

    /// <summary>How far back a check looks: the longest period, quiet period or co-worker window, and at least a week.</summary>
    private static TimeSpan Window(ContactPolicy policy) =>
        new[] { TimeSpan.FromDays(7), ContactPolicies.CoworkerWindow(policy) }
            .Concat(policy.Rules.Select(r => r.Period?.ToTimeSpan() ?? TimeSpan.Zero))
            .Concat(policy.Rules.Select(r => r.QuietPeriod?.ToTimeSpan() ?? TimeSpan.Zero))
            .Max();

}
