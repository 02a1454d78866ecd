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

        // One round trip for the policy, the verdict's facts, the member and the company's week;
        // one more for the contacts the policy's window covers.
        var memberKnown = true;
        (int Count, bool Target) reached = default;
        var (readPolicy, readStanding, standing) = Standing(target);
        await db.ReadBatchAsync(
            context.CancellationToken,
            readPolicy,
            readStanding,
            new BatchQuery(
                "SELECT EXISTS (SELECT 1 FROM known_members WHERE tenant_id = @tenant AND member_id = @member AND removed_at IS NULL)",
                r => memberKnown = request.MemberId.Length == 0 || r.GetBoolean(0),
                P("tenant", db.TenantId), P("member", memberId ?? Guid.Empty)),
            new BatchQuery(
                """
                SELECT count(DISTINCT subject_id)::int, coalesce(bool_or(subject_id = @person), false)
                FROM interaction_subjects
                WHERE tenant_id = @tenant AND company_id = @company AND NOT is_company AND contact
                  AND direction = 'Outbound' AND channel <> 'Newsletter' AND occurred_at > @since AND occurred_at <= @now
                """,
                r => reached = (r.GetInt32(0), r.GetBoolean(1)),
                P("tenant", db.TenantId), P("company", target.CompanyId), P("person", target.SubjectId), P("since", now.AddDays(-7)), P("now", now)));
        if (!memberKnown)
        {
            throw new ResourceNotFoundException("Member", request.MemberId);
        }

        var policy = standing.Policy;
        var recent = await RecentOutbound(target, now - Window(policy), now, context.CancellationToken);
        var judgement = Judge(target, standing, now);
        return ContactChecks.Check(new ContactCheckInput(
            policy, request.Channel, memberId, target.Name, target.IsPerson, recent,
            reached.Count, reached.Target, target.CompanyName, judgement.Verdict, judgement.Reasons, now));
    }

    public override async Task<ContactStats> GetContactStats(GetContactStatsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (companyId, personId) = Timeline.CompanyOrPerson.Read(request.CompanyId, request.PersonId, violations);
        violations.ThrowIfAny();

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var target = await Resolve(companyId, personId, request.CompanyId, request.PersonId, context.CancellationToken);
        var (readPolicy, readStanding, standing) = Standing(target);
        await db.ReadBatchAsync(context.CancellationToken, readPolicy, readStanding);
        var judgement = Judge(target, standing, now);

        var stats = ContactSummary.Stats(ContactStatsWriter.Read(standing.StatsJson), now);
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
        await alarms.ArmForTenant(context.CancellationToken);
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

        // The person and their company's name in one round trip; a merged company's survivor in more.
        var found = await db.ReadAsync(
            """
            SELECT p.display_name, p.company_id, c.name,
              EXISTS (SELECT 1 FROM company_repoints r WHERE r.tenant_id = p.tenant_id AND r.merged_id = p.company_id)
            FROM known_people p LEFT JOIN known_companies c ON c.tenant_id = p.tenant_id AND c.company_id = p.company_id
            WHERE p.tenant_id = @tenant AND p.person_id = @person
            """,
            r => (Name: r.IsDBNull(0) ? null : r.GetString(0), Company: r.GetGuid(1), CompanyName: r.IsDBNull(2) ? null : r.GetString(2), Merged: r.GetBoolean(3)),
            cancellationToken,
            P("tenant", db.TenantId), P("person", personId!.Value));
        if (found is not [var person])
        {
            throw new ResourceNotFoundException("Person", requestedPerson);
        }

        var (current, companyName) = (person.Company, person.CompanyName);
        if (person.Merged)
        {
            current = await db.CurrentCompany(person.Company, cancellationToken);
            companyName = await db.Set<KnownCompany>().Where(c => c.CompanyId == current).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        }

        return new ContactTarget(personId.Value, current, true, person.Name ?? "this person", companyName ?? "their company");
    }

    private sealed record TargetJudgement(Verdict Verdict, IReadOnlyList<string> Reasons, int CadenceDays, DateTimeOffset DueAt);

    /// <summary>What a verdict is judged from, filled by the two statements <see cref="Standing"/> gives for a batch.</summary>
    private sealed class TargetStanding
    {
        public ContactPolicy Policy { get; set; } = ContactPolicies.Default();
        public string? StatsJson { get; set; }
        public DateTimeOffset? KnownSince { get; set; }
        public int? CompanyCadence { get; set; }
        public DateTimeOffset? CompanyKnownSince { get; set; }
    }

    private (BatchQuery Policy, BatchQuery Stats, TargetStanding Standing) Standing(ContactTarget target)
    {
        var standing = new TargetStanding();
        var policy = new BatchQuery(
            ContactPolicyStore.Select,
            r => standing.Policy = ContactPolicyStore.FromStored(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1)),
            P("tenant", db.TenantId));
        var stats = new BatchQuery(
            """
            SELECT
              (SELECT stats_json FROM contact_stats WHERE tenant_id = @tenant AND subject_id = @subject),
              (SELECT known_since FROM contact_stats WHERE tenant_id = @tenant AND subject_id = @subject),
              (SELECT cadence_days FROM contact_stats WHERE tenant_id = @tenant AND subject_id = @company),
              (SELECT known_since FROM known_companies WHERE tenant_id = @tenant AND company_id = @company)
            """,
            r =>
            {
                standing.StatsJson = r.IsDBNull(0) ? null : r.GetString(0);
                standing.KnownSince = r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1);
                standing.CompanyCadence = r.IsDBNull(2) ? null : r.GetInt32(2);
                standing.CompanyKnownSince = r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3);
            },
            P("tenant", db.TenantId), P("subject", target.SubjectId), P("company", target.CompanyId));
        return (policy, stats, standing);
    }

    private static TargetJudgement Judge(ContactTarget target, TargetStanding standing, DateTimeOffset now)
    {
        var cadence = ContactPolicies.CadenceDays(standing.Policy, standing.CompanyCadence);
        var knownSince = standing.KnownSince ?? standing.CompanyKnownSince ?? now;
        var judgement = ContactVerdicts.Judge(ContactStatsWriter.Read(standing.StatsJson), standing.Policy, cadence, target.IsPerson, knownSince, now);
        return new TargetJudgement(judgement.Verdict, judgement.Reasons, cadence, judgement.DueAt);
    }

    /// <summary>
    /// The target's outbound contacts since <paramref name="since"/>, newest first. A reason cites the
    /// latest contact on a channel or by a co-worker, so only those are named (who made it, and for
    /// a company whom it reached): naming all of them cost look-ups per contact, a thousand on a
    /// busy client. The others carry placeholder names no reason shows.
    /// </summary>
    private async Task<List<PastContact>> RecentOutbound(ContactTarget target, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await db.ReadAsync(
            """
            SELECT c.occurred_at, c.channel, c.author_id, c.interaction_id, named.author_name, named.reached_name
            FROM (
              SELECT occurred_at, channel, author_id, interaction_id,
                row_number() OVER (PARTITION BY channel ORDER BY occurred_at DESC, interaction_id DESC) AS on_channel,
                row_number() OVER (PARTITION BY author_id ORDER BY occurred_at DESC, interaction_id DESC) AS by_author
              FROM (
                SELECT occurred_at, channel, author_id, interaction_id FROM interaction_subjects
                WHERE tenant_id = @tenant AND subject_id = @subject AND contact AND direction = 'Outbound'
                  AND occurred_at > @since AND occurred_at <= @now
                ORDER BY occurred_at DESC, interaction_id DESC
                LIMIT 1000) latest) c
            LEFT JOIN LATERAL (
              SELECT coalesce(m.name, 'A co-worker') AS author_name, coalesce(p.display_name, @fallback) AS reached_name
              FROM interactions i
              LEFT JOIN known_members m ON m.tenant_id = i.tenant_id AND m.member_id = i.author_id
              LEFT JOIN known_people p ON p.tenant_id = i.tenant_id AND p.person_id = i.person_ids[1]
              WHERE i.tenant_id = @tenant AND i.id = c.interaction_id) named
              ON c.on_channel = 1 OR (c.author_id IS NOT NULL AND c.by_author = 1)
            ORDER BY c.occurred_at DESC, c.interaction_id DESC
            """,
            r => new PastContact(
                r.GetFieldValue<DateTimeOffset>(0), (Channel)System.Enum.Parse<Data.Channel>(r.GetString(1)),
                r.IsDBNull(2) ? null : r.GetGuid(2),
                r.IsDBNull(4) ? "A co-worker" : r.GetString(4),
                target.IsPerson ? target.Name : r.IsDBNull(5) ? target.CompanyName : r.GetString(5),
                r.GetGuid(3)),
            cancellationToken,
            P("tenant", db.TenantId), P("subject", target.SubjectId), P("since", since), P("now", now), P("fallback", target.CompanyName));
    }

    /// <summary>How far back a check looks: the longest period, quiet period or co-worker window, and at least a week.</summary>
    private static TimeSpan Window(ContactPolicy policy) =>
        new[] { TimeSpan.FromDays(7), ContactPolicies.CoworkerWindow(policy) }
            .Concat(policy.Rules.Select(r => r.Period?.ToTimeSpan() ?? TimeSpan.Zero))
            .Concat(policy.Rules.Select(r => r.QuietPeriod?.ToTimeSpan() ?? TimeSpan.Zero))
            .Max();

}
