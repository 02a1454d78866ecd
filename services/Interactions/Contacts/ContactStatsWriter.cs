using System.Text.Json;
using CrmPlatform.EventContracts.Interactions.V1;
using CrmPlatform.Interactions.Data;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using static CrmPlatform.Interactions.Data.RawSql;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>A company or person whose statistics an item changed.</summary>
public readonly record struct ContactSubject(Guid SubjectId, Guid CompanyId, bool IsCompany);

/// <summary>
/// Rewrites the statistics of the companies and people an item touched, in the item's own
/// transaction: the facts are read back through the subjects' index with bounded work (first and
/// last per channel by index probes, day counts over 90 days, the latest 100 contacts, the latest
/// newsletters), so the stored figures always equal a full recount, whatever order items come in.
/// A changed verdict is published, and the tenant's verdict alarm is set for the next moment time
/// alone will change one (<see cref="VerdictWatcher"/>).
/// </summary>
public sealed class ContactStatsWriter(InteractionsDbContext db, IEventOutbox outbox, VerdictAlarms alarms, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly (Channel Channel, Direction Direction)[] Combinations =
        [.. from c in Enum.GetValues<Channel>().Where(c => c != Channel.None)
            from d in new[] { Direction.Inbound, Direction.Outbound }
            select (c, d)];

    public async Task Refresh(IEnumerable<ContactSubject> subjects, CancellationToken cancellationToken)
    {
        var distinct = subjects.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var policy = await db.LoadPolicy(cancellationToken);
        var facts = await Gather([.. distinct.Select(s => s.SubjectId).Distinct()], now, cancellationToken);

        // The stored rows of the subjects and of their companies (a person's cadence is their
        // company's), and when each new company became known: a few reads for the whole batch.
        var ids = distinct.Select(s => s.SubjectId).Concat(distinct.Select(s => s.CompanyId)).Distinct().ToList();
        var rows = await db.ContactStats.Where(s => ids.Contains(s.SubjectId)).ToDictionaryAsync(s => s.SubjectId, cancellationToken);
        var newCompanies = distinct.Where(s => s.IsCompany && !rows.ContainsKey(s.SubjectId)).Select(s => s.SubjectId).ToList();
        var knownSince = newCompanies.Count == 0 ? [] : await db.Set<KnownCompany>()
            .Where(c => newCompanies.Contains(c.CompanyId))
            .ToDictionaryAsync(c => c.CompanyId, c => c.KnownSince, cancellationToken);

        DateTimeOffset? nextChange = null;
        foreach (var subject in distinct)
        {
            var row = Store(subject, facts[subject.SubjectId], policy, rows, knownSince, now);
            if (VerdictClock.NextChange(row.Verdict, row.DueAt, row.OverContactedUntil) is { } at && (nextChange is null || at < nextChange))
            {
                nextChange = at;
            }
        }

        if (nextChange is { } wake)
        {
            await alarms.Arm(wake, cancellationToken);
        }
    }

    private ContactStatsRow Store(
        ContactSubject subject, ContactFacts facts, Proto.ContactPolicy policy,
        Dictionary<Guid, ContactStatsRow> rows, Dictionary<Guid, DateTimeOffset> knownSince, DateTimeOffset now)
    {
        if (!rows.TryGetValue(subject.SubjectId, out var row))
        {
            rows[subject.SubjectId] = row = new ContactStatsRow
            {
                SubjectId = subject.SubjectId,
                CompanyId = subject.CompanyId,
                IsCompany = subject.IsCompany,
                // A company's cadence starts when it became known; a person's with their first contact.
                KnownSince = (subject.IsCompany ? knownSince.GetValueOrDefault(subject.SubjectId) : facts.FirstContact) is { } since && since != default ? since : now,
            };
            db.ContactStats.Add(row);
        }

        // A person's cadence is their company's.
        var cadence = subject.IsCompany ? row.CadenceDays : rows.GetValueOrDefault(subject.CompanyId)?.CadenceDays;
        var judgement = ContactVerdicts.Judge(facts, policy, ContactPolicies.CadenceDays(policy, cadence), !subject.IsCompany, row.KnownSince, now);

        row.CompanyId = subject.CompanyId;
        row.LastContactAt = facts.LastContact;
        row.DueFrom = judgement.DueFrom;
        row.DueAt = judgement.DueAt;
        row.OverContactedUntil = judgement.OverContactedUntil;
        row.OverContactedReasons = [.. judgement.OverContactedReasons];
        row.StatsJson = JsonSerializer.Serialize(facts, Json);

        var verdict = judgement.Verdict.ToString();
        if (row.Verdict != verdict)
        {
            outbox.Enqueue(new ContactVerdictChanged(
                db.TenantId, subject.CompanyId, subject.IsCompany ? null : subject.SubjectId, verdict, row.Verdict, judgement.Reasons));
            row.Verdict = verdict;
        }

        return row;
    }

    internal static ContactFacts Read(string? json) =>
        json is null ? ContactFacts.None : JsonSerializer.Deserialize<ContactFacts>(json, Json) ?? ContactFacts.None;

    /// <summary>
    /// The facts of every subject in <paramref name="subjectIds"/>, in a fixed number of reads however
    /// many there are (an ingest batch touches hundreds of people): each read walks every subject's
    /// own index range, bounded as for one.
    /// </summary>
    private async Task<Dictionary<Guid, ContactFacts>> Gather(Guid[] subjectIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tenant = db.TenantId;
        var spans = await db.ReadAsync(
            """
            SELECT x.subject_id, c.channel, c.direction,
              (SELECT s.occurred_at FROM interaction_subjects s
                WHERE s.tenant_id = @tenant AND s.subject_id = x.subject_id AND s.channel = c.channel AND s.direction = c.direction AND s.contact
                ORDER BY s.occurred_at LIMIT 1),
              (SELECT s.occurred_at FROM interaction_subjects s
                WHERE s.tenant_id = @tenant AND s.subject_id = x.subject_id AND s.channel = c.channel AND s.direction = c.direction AND s.contact
                ORDER BY s.occurred_at DESC LIMIT 1)
            FROM unnest(@subjects) AS x(subject_id) CROSS JOIN unnest(@channels, @directions) AS c(channel, direction)
            """,
            r => r.IsDBNull(3) ? default : (Subject: r.GetGuid(0), Span: new ChannelSpan(
                Enum.Parse<Channel>(r.GetString(1)), Enum.Parse<Direction>(r.GetString(2)), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4))),
            cancellationToken,
            P("tenant", tenant), P("subjects", subjectIds),
            P("channels", Combinations.Select(c => c.Channel.ToString()).ToArray()),
            P("directions", Combinations.Select(c => c.Direction.ToString()).ToArray()));

        var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-ContactFacts.DaysKept);
        var days = await db.ReadAsync(
            """
            SELECT subject_id, channel, direction, (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*)::int
            FROM interaction_subjects
            WHERE tenant_id = @tenant AND subject_id = ANY(@subjects) AND contact AND occurred_at >= @since
            GROUP BY 1, 2, 3, 4
            """,
            r => (Subject: r.GetGuid(0), Day: new DayCount(Enum.Parse<Channel>(r.GetString(1)), Enum.Parse<Direction>(r.GetString(2)), r.GetFieldValue<DateOnly>(3), r.GetInt32(4))),
            cancellationToken,
            P("tenant", tenant), P("subjects", subjectIds), P("since", new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));

        var recent = await db.ReadAsync(
            """
            SELECT x.subject_id, r.occurred_at, r.channel, r.direction, r.two_way, r.interaction_id, r.author_id
            FROM unnest(@subjects) AS x(subject_id) CROSS JOIN LATERAL (
              SELECT occurred_at, channel, direction, two_way, interaction_id, author_id
              FROM interaction_subjects
              WHERE tenant_id = @tenant AND subject_id = x.subject_id AND contact
              ORDER BY occurred_at DESC, interaction_id DESC
              LIMIT @limit) r
            ORDER BY x.subject_id, r.occurred_at DESC, r.interaction_id DESC
            """,
            r => (Subject: r.GetGuid(0), Event: new ContactEvent(r.GetFieldValue<DateTimeOffset>(1), Enum.Parse<Channel>(r.GetString(2)), Enum.Parse<Direction>(r.GetString(3)),
                r.GetBoolean(4), r.GetGuid(5), r.IsDBNull(6) ? null : r.GetGuid(6))),
            cancellationToken,
            P("tenant", tenant), P("subjects", subjectIds), P("limit", ContactFacts.RecentKept));
        var recentOf = recent.ToLookup(e => e.Subject, e => e.Event);

        // A two-way contact older than the latest ones kept, looked for only where it matters.
        var beyondRecent = subjectIds.Where(id => recentOf[id].Count() == ContactFacts.RecentKept && !recentOf[id].Any(e => e.TwoWay)).ToArray();
        var olderTwoWay = beyondRecent.Length == 0 ? [] : (await db.ReadAsync(
            """
            SELECT x.subject_id, (SELECT occurred_at FROM interaction_subjects
                WHERE tenant_id = @tenant AND subject_id = x.subject_id AND contact AND two_way
                ORDER BY occurred_at DESC LIMIT 1)
            FROM unnest(@subjects) AS x(subject_id)
            """,
            r => (Subject: r.GetGuid(0), At: r.IsDBNull(1) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(1)),
            cancellationToken,
            P("tenant", tenant), P("subjects", beyondRecent))).ToDictionary(t => t.Subject, t => t.At);

        var newsletters = await Newsletters(subjectIds, cancellationToken);
        var spansOf = spans.Where(s => s.Span is not null).ToLookup(s => s.Subject, s => s.Span);
        var daysOf = days.ToLookup(d => d.Subject, d => d.Day);
        return subjectIds.ToDictionary(id => id, id =>
        {
            var latest = recentOf[id].ToList();
            return new ContactFacts(
                [.. spansOf[id]], [.. daysOf[id]], latest,
                latest.FirstOrDefault(e => e.TwoWay)?.At ?? olderTwoWay.GetValueOrDefault(id),
                newsletters[id]);
        });
    }

    /// <summary>For each subject, the latest <see cref="ContactFacts.NewslettersKept"/> campaigns sent, and whether a person opened or clicked each.</summary>
    private async Task<Dictionary<Guid, List<NewsletterFact>>> Newsletters(Guid[] subjectIds, CancellationToken cancellationToken)
    {
        var tenant = db.TenantId;
        var sends = await db.ReadAsync(
            """
            SELECT x.subject_id, n.campaign_id, n.occurred_at
            FROM unnest(@subjects) AS x(subject_id) CROSS JOIN LATERAL (
              SELECT campaign_id, occurred_at FROM interaction_subjects
              -- The partial index's own condition, so the planner knows it may walk it.
              WHERE tenant_id = @tenant AND subject_id = x.subject_id AND kind IN ('NewsletterSend', 'NewsletterOpen', 'NewsletterClick')
                AND kind = 'NewsletterSend' AND campaign_id IS NOT NULL
              ORDER BY occurred_at DESC
              LIMIT 500) n
            ORDER BY x.subject_id, n.occurred_at DESC
            """,
            r => (Subject: r.GetGuid(0), Campaign: r.GetString(1), SentAt: r.GetFieldValue<DateTimeOffset>(2)),
            cancellationToken,
            P("tenant", tenant), P("subjects", subjectIds));
        var latest = sends
            .GroupBy(s => s.Subject)
            .ToDictionary(g => g.Key, g => g.GroupBy(s => s.Campaign).Select(c => c.First()).Take(ContactFacts.NewslettersKept).ToList());
        var result = subjectIds.ToDictionary(id => id, _ => new List<NewsletterFact>());
        if (latest.Count == 0)
        {
            return result;
        }

        var engaged = await db.ReadAsync(
            """
            SELECT subject_id, campaign_id, kind, max(occurred_at) FROM interaction_subjects
            WHERE tenant_id = @tenant AND subject_id = ANY(@subjects) AND contact
              AND kind IN ('NewsletterSend', 'NewsletterOpen', 'NewsletterClick')
              AND kind IN ('NewsletterOpen', 'NewsletterClick') AND occurred_at >= @from
              AND campaign_id = ANY(@campaigns)
            GROUP BY 1, 2, 3
            """,
            r => (Subject: r.GetGuid(0), Campaign: r.GetString(1), Kind: r.GetString(2), Latest: r.GetFieldValue<DateTimeOffset>(3)),
            cancellationToken,
            P("tenant", tenant), P("subjects", latest.Keys.ToArray()), P("from", latest.Values.SelectMany(l => l).Min(s => s.SentAt)),
            P("campaigns", latest.Values.SelectMany(l => l).Select(s => s.Campaign).Distinct().ToArray()));

        // A click is an open too: the person read it to click.
        // Engagement counts from the subject's own earliest kept send on, as when read one by one.
        foreach (var (subject, campaigns) in latest)
        {
            var from = campaigns.Min(c => c.SentAt);
            var theirs = engaged.Where(e => e.Subject == subject && e.Latest >= from).ToList();
            result[subject] = campaigns.Select(s => new NewsletterFact(
                    s.Campaign, s.SentAt,
                    Opened: theirs.Any(e => e.Campaign == s.Campaign),
                    Clicked: theirs.Any(e => e.Campaign == s.Campaign && e.Kind == nameof(InteractionKind.NewsletterClick))))
                .ToList();
        }

        return result;
    }
}
