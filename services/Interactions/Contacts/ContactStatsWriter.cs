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
        DateTimeOffset? nextChange = null;
        foreach (var subject in distinct)
        {
            var facts = await Gather(subject.SubjectId, now, cancellationToken);
            var row = await Store(subject, facts, policy, now, cancellationToken);
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

    private async Task<ContactStatsRow> Store(ContactSubject subject, ContactFacts facts, Proto.ContactPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.ContactStats.FirstOrDefaultAsync(s => s.SubjectId == subject.SubjectId, cancellationToken);
        if (row is null)
        {
            row = await NewRow(subject, facts, now, cancellationToken);
            db.ContactStats.Add(row);
        }

        // A person's cadence is their company's.
        var cadence = subject.IsCompany
            ? row.CadenceDays
            : await db.ContactStats.Where(s => s.SubjectId == subject.CompanyId).Select(s => s.CadenceDays).FirstOrDefaultAsync(cancellationToken);
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

    private async Task<ContactStatsRow> NewRow(ContactSubject subject, ContactFacts facts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A company's cadence starts when it became known; a person's with their first contact.
        var knownSince = subject.IsCompany
            ? await db.Set<KnownCompany>().Where(c => c.CompanyId == subject.SubjectId).Select(c => (DateTimeOffset?)c.KnownSince).FirstOrDefaultAsync(cancellationToken)
            : facts.FirstContact;
        return new ContactStatsRow
        {
            SubjectId = subject.SubjectId,
            CompanyId = subject.CompanyId,
            IsCompany = subject.IsCompany,
            KnownSince = knownSince ?? now,
        };
    }

    internal static ContactFacts Read(string? json) =>
        json is null ? ContactFacts.None : JsonSerializer.Deserialize<ContactFacts>(json, Json) ?? ContactFacts.None;

    private async Task<ContactFacts> Gather(Guid subjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tenant = db.TenantId;
        var spans = await db.ReadAsync(
            """
            SELECT c.channel, c.direction,
              (SELECT s.occurred_at FROM interaction_subjects s
                WHERE s.tenant_id = @tenant AND s.subject_id = @subject AND s.channel = c.channel AND s.direction = c.direction AND s.contact
                ORDER BY s.occurred_at LIMIT 1),
              (SELECT s.occurred_at FROM interaction_subjects s
                WHERE s.tenant_id = @tenant AND s.subject_id = @subject AND s.channel = c.channel AND s.direction = c.direction AND s.contact
                ORDER BY s.occurred_at DESC LIMIT 1)
            FROM unnest(@channels, @directions) AS c(channel, direction)
            """,
            r => r.IsDBNull(2) ? null : new ChannelSpan(Enum.Parse<Channel>(r.GetString(0)), Enum.Parse<Direction>(r.GetString(1)), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3)),
            cancellationToken,
            P("tenant", tenant), P("subject", subjectId),
            P("channels", Combinations.Select(c => c.Channel.ToString()).ToArray()),
            P("directions", Combinations.Select(c => c.Direction.ToString()).ToArray()));

        var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-ContactFacts.DaysKept);
        var days = await db.ReadAsync(
            """
            SELECT channel, direction, (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*)::int
            FROM interaction_subjects
            WHERE tenant_id = @tenant AND subject_id = @subject AND contact AND occurred_at >= @since
            GROUP BY 1, 2, 3
            """,
            r => new DayCount(Enum.Parse<Channel>(r.GetString(0)), Enum.Parse<Direction>(r.GetString(1)), r.GetFieldValue<DateOnly>(2), r.GetInt32(3)),
            cancellationToken,
            P("tenant", tenant), P("subject", subjectId), P("since", new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));

        var recent = await db.ReadAsync(
            """
            SELECT occurred_at, channel, direction, two_way, interaction_id, author_id
            FROM interaction_subjects
            WHERE tenant_id = @tenant AND subject_id = @subject AND contact
            ORDER BY occurred_at DESC, interaction_id DESC
            LIMIT @limit
            """,
            r => new ContactEvent(r.GetFieldValue<DateTimeOffset>(0), Enum.Parse<Channel>(r.GetString(1)), Enum.Parse<Direction>(r.GetString(2)),
                r.GetBoolean(3), r.GetGuid(4), r.IsDBNull(5) ? null : r.GetGuid(5)),
            cancellationToken,
            P("tenant", tenant), P("subject", subjectId), P("limit", ContactFacts.RecentKept));

        var lastTwoWay = recent.FirstOrDefault(e => e.TwoWay)?.At;
        if (lastTwoWay is null && recent.Count == ContactFacts.RecentKept)
        {
            lastTwoWay = (await db.ReadAsync(
                """
                SELECT occurred_at FROM interaction_subjects
                WHERE tenant_id = @tenant AND subject_id = @subject AND contact AND two_way
                ORDER BY occurred_at DESC LIMIT 1
                """,
                r => (DateTimeOffset?)r.GetFieldValue<DateTimeOffset>(0),
                cancellationToken,
                P("tenant", tenant), P("subject", subjectId))).FirstOrDefault();
        }

        return new ContactFacts([.. spans.OfType<ChannelSpan>()], days, recent, lastTwoWay, await Newsletters(subjectId, cancellationToken));
    }

    /// <summary>The latest <see cref="ContactFacts.NewslettersKept"/> campaigns sent, and whether a person opened or clicked each.</summary>
    private async Task<List<NewsletterFact>> Newsletters(Guid subjectId, CancellationToken cancellationToken)
    {
        var tenant = db.TenantId;
        var sends = await db.ReadAsync(
            """
            SELECT campaign_id, occurred_at FROM interaction_subjects
            -- The partial index's own condition, so the planner knows it may walk it.
            WHERE tenant_id = @tenant AND subject_id = @subject AND kind IN ('NewsletterSend', 'NewsletterOpen', 'NewsletterClick')
              AND kind = 'NewsletterSend' AND campaign_id IS NOT NULL
            ORDER BY occurred_at DESC
            LIMIT 500
            """,
            r => (Campaign: r.GetString(0), SentAt: r.GetFieldValue<DateTimeOffset>(1)),
            cancellationToken,
            P("tenant", tenant), P("subject", subjectId));
        var latest = sends
            .GroupBy(s => s.Campaign)
            .Select(g => g.First())
            .Take(ContactFacts.NewslettersKept)
            .ToList();
        if (latest.Count == 0)
        {
            return [];
        }

        var engaged = await db.ReadAsync(
            """
            SELECT DISTINCT campaign_id, kind FROM interaction_subjects
            WHERE tenant_id = @tenant AND subject_id = @subject AND contact
              AND kind IN ('NewsletterSend', 'NewsletterOpen', 'NewsletterClick')
              AND kind IN ('NewsletterOpen', 'NewsletterClick') AND occurred_at >= @from
              AND campaign_id = ANY(@campaigns)
            """,
            r => (Campaign: r.GetString(0), Kind: r.GetString(1)),
            cancellationToken,
            P("tenant", tenant), P("subject", subjectId), P("from", latest.Min(s => s.SentAt)),
            P("campaigns", latest.Select(s => s.Campaign).ToArray()));

        // A click is an open too: the person read it to click.
        return latest.Select(s => new NewsletterFact(
                s.Campaign, s.SentAt,
                Opened: engaged.Any(e => e.Campaign == s.Campaign),
                Clicked: engaged.Any(e => e.Campaign == s.Campaign && e.Kind == nameof(InteractionKind.NewsletterClick))))
            .ToList();
    }
}
