using CrmPlatform.Interactions.Contacts;
using CrmPlatform.Interactions.Data;
using CrmPlatform.GrpcConventions;
using CrmPlatform.KnownCompanies;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using static CrmPlatform.Interactions.Data.RawSql;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Timeline;

/// <summary>
/// What recording, editing and ingesting share: checking who an item names against the people and
/// members this service knows (another tenant's, or unknown: NotFound), resolving email addresses
/// to them, deriving channel, direction, two-way, topics and automated opens, and keeping the
/// subject rows (the company's and each person's timeline) in step with the item.
/// </summary>
public sealed class TimelineWriter(InteractionsDbContext db)
{
    // What a request has looked up already: an ingest names the same people and companies in
    // row after row. Within one request a person does not change company.
    private readonly Dictionary<Guid, KnownPerson?> people = [];
    private readonly Dictionary<Guid, Guid> currentCompanies = [];
    private readonly HashSet<Guid> knownCompanies = [];

    /// <summary>Looks up in one query every person the rows name that this request has not seen yet.</summary>
    public async Task Preload(IEnumerable<Proto.Interaction> rows, CancellationToken cancellationToken)
    {
        var ids = rows.SelectMany(r => r.PersonIds)
            .Select(id => Guid.TryParse(id, out var person) ? person : Guid.Empty)
            .Where(id => id != Guid.Empty && !people.ContainsKey(id))
            .Distinct()
            .ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var found = await db.Set<KnownPerson>().AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToListAsync(cancellationToken);
        ids.ForEach(id => people[id] = null);
        found.ForEach(person => people[person.PersonId] = person);
    }

    /// <summary>A known person, or null for one the tenant does not have.</summary>
    public async Task<KnownPerson?> Person(Guid personId, CancellationToken cancellationToken)
    {
        if (!people.TryGetValue(personId, out var person))
        {
            person = people[personId] = await db.Set<KnownPerson>().AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        }

        return person;
    }

    /// <summary>The company rows for <paramref name="companyId"/> go to: its survivor while merged.</summary>
    public async Task<Guid> CurrentCompany(Guid companyId, CancellationToken cancellationToken)
    {
        if (!currentCompanies.TryGetValue(companyId, out var current))
        {
            current = currentCompanies[companyId] = await db.CurrentCompany(companyId, cancellationToken);
        }

        return current;
    }

    /// <summary>NotFound, under the id the caller gave, for a company the tenant does not have.</summary>
    public async Task RequireKnownCompany(Guid companyId, string requestedId, CancellationToken cancellationToken)
    {
        if (!knownCompanies.Contains(companyId))
        {
            await db.RequireKnownCompany(companyId, requestedId, cancellationToken);
            knownCompanies.Add(companyId);
        }
    }

    /// <summary>
    /// Sets <paramref name="row"/> from <paramref name="proto"/> (already valid in shape) for company
    /// <see cref="Interaction.CompanyId"/>; <paramref name="proto"/>'s email addresses get who they
    /// belong to.
    /// </summary>
    public async Task Fill(Interaction row, Proto.Interaction proto, DateTimeOffset now, string field, CancellationToken cancellationToken)
    {
        var named = proto.PersonIds.Select(Guid.Parse).ToList();
        await RequirePeopleOf(row.CompanyId, named, field, cancellationToken);

        var sentByMember = false;
        if (proto.DetailsCase == Proto.Interaction.DetailsOneofCase.Email)
        {
            sentByMember = await ResolveAddresses(row.CompanyId, proto.Email, named, cancellationToken);
        }

        var members = new List<(Guid Id, string Field)>();
        if (proto.DetailsCase == Proto.Interaction.DetailsOneofCase.Meeting)
        {
            members.AddRange(proto.Meeting.MemberIds.Select((m, i) => (Guid.Parse(m), $"{field}.meeting.member_ids[{i}]")));
        }

        if (proto is { DetailsCase: Proto.Interaction.DetailsOneofCase.Task, Task.AssigneeId.Length: > 0 })
        {
            members.Add((Guid.Parse(proto.Task.AssigneeId), $"{field}.task.assignee_id"));
        }

        await RequireMembers(members, cancellationToken);

        var kind = (InteractionKind)proto.Kind;
        if (kind is InteractionKind.NewsletterSend or InteractionKind.NewsletterOpen or InteractionKind.NewsletterClick && named.Count == 0)
        {
            throw new FieldViolations().Add($"{field}.person_ids", "a newsletter send, open or click names the person it went to").ToException();
        }

        if (proto is { DetailsCase: Proto.Interaction.DetailsOneofCase.Task } && proto.Task.Done && proto.Task.DoneTime is null)
        {
            proto.Task.DoneTime = Timestamp.FromDateTimeOffset(now);
        }
        else if (proto is { DetailsCase: Proto.Interaction.DetailsOneofCase.Task, Task.Done: false })
        {
            proto.Task.DoneTime = null;
        }

        row.Kind = kind;
        row.Subject = Blank(proto.Subject);
        row.Body = Blank(proto.Body);
        row.OccurredAt = proto.OccurTime?.ToDateTimeOffset() ?? row.OccurredAt;
        row.PersonIds = named;
        row.Channel = InteractionRules.ChannelOf(kind);
        row.Direction = InteractionRules.DirectionOf(kind, proto.Direction, sentByMember);
        row.Visibility = proto.Visibility == Proto.Visibility.Unspecified ? Visibility.Everyone : (Visibility)proto.Visibility;
        row.Team = row.Visibility == Visibility.Team ? proto.Team : null;
        row.Pinned = proto.Pinned;
        row.Topics = InteractionRules.TopicsOf(proto.Topics, proto.Subject, proto.Body, proto.SocialSignal?.About);

        if (proto.DetailsCase == Proto.Interaction.DetailsOneofCase.Newsletter)
        {
            var sentAt = kind == InteractionKind.NewsletterSend ? null : await NewsletterSentAt(named[0], proto.Newsletter.CampaignId, cancellationToken);
            proto.Newsletter.Automated = InteractionRules.IsAutomated(kind, proto.Newsletter.UserAgent, row.OccurredAt, sentAt);
        }

        row.Automated = proto.Newsletter?.Automated == true;
        row.CampaignId = proto.Newsletter?.CampaignId;
        row.TwoWay = InteractionRules.IsTwoWay(kind, row.Direction, proto.Call?.Outcome ?? Proto.CallOutcome.Unspecified, row.Automated);
        row.DetailsJson = InteractionMapper.DetailsJsonOf(proto);
    }

    /// <summary>The item's company and people, whose timelines and statistics it is on.</summary>
    public static IEnumerable<ContactSubject> SubjectsOf(Interaction row) =>
        [new ContactSubject(row.CompanyId, row.CompanyId, true), .. row.PersonIds.Select(p => new ContactSubject(p, row.CompanyId, false))];

    /// <summary>Puts a live item on its company's and people's timelines.</summary>
    public void AddSubjects(Interaction row) => db.InteractionSubjects.AddRange(SubjectsOf(row).Select(subject => SubjectRow(row, subject)));

    /// <summary>The row that puts <paramref name="item"/> on <paramref name="subject"/>'s timeline.</summary>
    public static InteractionSubject SubjectRow(Interaction item, ContactSubject subject) => new()
    {
        TenantId = item.TenantId,
        SubjectId = subject.SubjectId,
        InteractionId = item.Id,
        CompanyId = item.CompanyId,
        IsCompany = subject.IsCompany,
        OccurredAt = item.OccurredAt,
        Kind = item.Kind,
        Channel = item.Channel,
        Direction = item.Direction,
        TwoWay = item.TwoWay,
        AuthorId = item.AuthorId,
        CampaignId = item.CampaignId,
        Contact = item.Channel != Channel.None && !item.Automated,
    };

    /// <summary>Takes an item off every timeline it is on (before an edit re-adds it, or on delete).</summary>
    public Task RemoveSubjects(Guid interactionId, CancellationToken cancellationToken) =>
        db.InteractionSubjects.Where(s => s.InteractionId == interactionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Every person must be known and of <paramref name="companyId"/> (or of a company merged into it).</summary>
    private async Task RequirePeopleOf(Guid companyId, List<Guid> named, string field, CancellationToken cancellationToken)
    {
        if (named.Count == 0)
        {
            return;
        }

        var violations = new FieldViolations();
        for (var i = 0; i < named.Count; i++)
        {
            var person = await Person(named[i], cancellationToken) ?? throw new ResourceNotFoundException("Person", named[i].ToString());
            var current = await CurrentCompany(person.CompanyId, cancellationToken);
            violations.Check(current == companyId, $"{field}.person_ids[{i}]", $"is not a person of company {companyId}");
        }

        violations.ThrowIfAny();
    }

    private async Task RequireMembers(List<(Guid Id, string Field)> members, CancellationToken cancellationToken)
    {
        if (members.Count == 0)
        {
            return;
        }

        var ids = members.Select(m => m.Id).Distinct().ToList();
        var known = await db.KnownMembers.AsNoTracking().Where(m => ids.Contains(m.MemberId) && m.RemovedAt == null).Select(m => m.MemberId).ToListAsync(cancellationToken);
        if (members.FirstOrDefault(m => !known.Contains(m.Id)) is { Field: not null } missing)
        {
            throw new ResourceNotFoundException("Member", missing.Id.ToString());
        }
    }

    /// <summary>
    /// Names the owner of every address: a person of the company (who then joins the item's
    /// people) or a member. Returns whether a member sent it.
    /// </summary>
    private async Task<bool> ResolveAddresses(Guid companyId, Proto.EmailDetails email, List<Guid> named, CancellationToken cancellationToken)
    {
        var parties = new[] { email.From }.Where(a => a is not null).Concat(email.To).Concat(email.Cc).ToList();
        var addresses = parties.Select(a => a.Address.Trim().ToLowerInvariant()).Distinct().ToArray();
        if (addresses.Length == 0)
        {
            return false;
        }

        var persons = await db.ReadAsync(
            """
            SELECT lower(e), p.person_id FROM known_people p, unnest(p.emails) AS e
            WHERE p.tenant_id = @tenant AND lower(e) = ANY(@addresses) AND p.left_on IS NULL
              AND (p.company_id = @company OR p.company_id IN (
                SELECT merged_id FROM company_repoints WHERE tenant_id = @tenant AND survivor_id = @company))
            """,
            r => (Address: r.GetString(0), Person: r.GetGuid(1)),
            cancellationToken,
            P("tenant", db.TenantId), P("addresses", addresses), P("company", companyId));
        var members = await db.ReadAsync(
            "SELECT lower(email), member_id FROM known_members WHERE tenant_id = @tenant AND lower(email) = ANY(@addresses)",
            r => (Address: r.GetString(0), Member: r.GetGuid(1)),
            cancellationToken,
            P("tenant", db.TenantId), P("addresses", addresses));

        foreach (var party in parties)
        {
            var address = party.Address.Trim().ToLowerInvariant();
            party.PersonId = persons.Where(p => p.Address == address).Select(p => p.Person.ToString()).FirstOrDefault() ?? "";
            party.MemberId = members.Where(m => m.Address == address).Select(m => m.Member.ToString()).FirstOrDefault() ?? "";
            if (party.PersonId.Length > 0 && !named.Contains(Guid.Parse(party.PersonId)))
            {
                named.Add(Guid.Parse(party.PersonId));
            }
        }

        return email.From is { MemberId.Length: > 0 };
    }

    private async Task<DateTimeOffset?> NewsletterSentAt(Guid personId, string campaignId, CancellationToken cancellationToken) =>
        (await db.ReadAsync(
            """
            SELECT s.occurred_at FROM interaction_subjects s
            WHERE s.tenant_id = @tenant AND s.subject_id = @person
              AND s.kind IN ('NewsletterSend', 'NewsletterOpen', 'NewsletterClick') AND s.kind = 'NewsletterSend'
              AND s.campaign_id = @campaign
            ORDER BY s.occurred_at DESC LIMIT 1
            """,
            r => (DateTimeOffset?)r.GetFieldValue<DateTimeOffset>(0),
            cancellationToken,
            P("tenant", db.TenantId), P("person", personId), P("campaign", campaignId))).FirstOrDefault();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
