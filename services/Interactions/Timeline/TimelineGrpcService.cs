using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.EventContracts.Interactions.V1;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Contacts;
using CrmPlatform.Interactions.Data;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Tenancy;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Interaction = CrmPlatform.Interactions.Data.Interaction;
using InteractionKind = CrmPlatform.Interactions.Data.InteractionKind;
using Proto = CrmPlatform.Contracts.Interactions.V1;
using Visibility = CrmPlatform.Interactions.Data.Visibility;

namespace CrmPlatform.Interactions.Timeline;

/// <summary>Recording, reading, editing and listing items; every read through the caller's <see cref="Reader"/>.</summary>
public sealed class TimelineGrpcService(
    InteractionsDbContext db, TimelineWriter writer, ContactStatsWriter stats, IEventOutbox outbox, PageTokens pages,
    ITenantContextAccessor tenants, TimeProvider clock)
    : InteractionsService.InteractionsServiceBase
{
    /// <summary>What an update may change; kind, author, times and source are the item's for good.</summary>
    private static readonly string[] UpdatablePaths =
        ["subject", "body", "occur_time", "person_ids", "direction", "visibility", "team", "topics", "pinned",
         "call", "meeting", "email", "social_signal", "newsletter", "document", "task"];

    private Reader Caller => Reader.Of(tenants.Tenant);

    public override async Task<Proto.Interaction> RecordInteraction(RecordInteractionRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        InteractionValidator.Validate(request.Interaction, now, violations);
        var author = tenants.Tenant?.MemberId;
        RequireAuthorFor(request.Interaction?.Visibility, author, "interaction.visibility", violations);
        violations.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        // A merged company's id stands for its survivor: what is recorded against it goes there.
        companyId = await db.CurrentCompany(companyId, context.CancellationToken);
        await db.RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);

        var row = new Interaction { CompanyId = companyId, AuthorId = author, CreatedAt = now, UpdatedAt = now, OccurredAt = now };
        var proto = request.Interaction!;
        await writer.Fill(row, proto, now, "interaction", context.CancellationToken);
        db.Interactions.Add(row);
        writer.AddSubjects(row);
        await db.SaveChangesAsync(context.CancellationToken);

        await stats.Refresh(TimelineWriter.SubjectsOf(row), context.CancellationToken);
        outbox.Enqueue(Recorded(row, proto));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return row.ToProto(Caller);
    }

    public override async Task<Proto.Interaction> GetInteraction(GetInteractionRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var row = await Visible(id, request.Id, tracked: false, context.CancellationToken);
        return row.ToProto(Caller);
    }

    public override async Task<Proto.Interaction> UpdateInteraction(UpdateInteractionRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var violations = new FieldViolations();
        if (request.Interaction is null)
        {
            violations.Add("interaction", "is required").ThrowIfAny();
        }

        var id = ResourceId.Parse(request.Interaction!.Id, "interaction.id", violations);
        var paths = UpdatePaths(request.UpdateMask, violations);
        violations.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var row = await Editable(id, request.Interaction.Id, context.CancellationToken);
        if (request.Interaction.Etag.Length > 0 && request.Interaction.Etag != InteractionMapper.EtagOf(row))
        {
            throw new PreconditionFailedException($"Interaction '{request.Interaction.Id}' has changed since etag '{request.Interaction.Etag}'; read it again.");
        }

        var reader = Caller;
        var before = row.ToProto(reader);
        var after = before.Clone();
        FieldMaskApplier.Apply(paths, request.Interaction, after);
        after.Kind = before.Kind;
        InteractionValidator.Validate(after, now, violations);
        RequireAuthorFor(after.Visibility, row.AuthorId, "interaction.visibility", violations);
        violations.ThrowIfAny();

        db.InteractionVersions.Add(new Data.InteractionVersion
        {
            InteractionId = row.Id,
            Version = row.Version,
            SnapshotJson = InteractionMapper.Format(before),
            ChangedBy = tenants.Tenant?.MemberId,
            ChangedAt = now,
        });

        var touched = TimelineWriter.SubjectsOf(row).ToList();
        await writer.RemoveSubjects(row.Id, context.CancellationToken);
        await writer.Fill(row, after, now, "interaction", context.CancellationToken);
        writer.AddSubjects(row);
        row.Version++;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(context.CancellationToken);

        await stats.Refresh([.. touched, .. TimelineWriter.SubjectsOf(row)], context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return row.ToProto(reader);
    }

    public override Task<Proto.Interaction> DeleteInteraction(DeleteInteractionRequest request, ServerCallContext context) =>
        SetDeleted(request.Id, deleted: true, context);

    public override Task<Proto.Interaction> UndeleteInteraction(UndeleteInteractionRequest request, ServerCallContext context) =>
        SetDeleted(request.Id, deleted: false, context);

    public override async Task<ListInteractionVersionsResponse> ListInteractionVersions(ListInteractionVersionsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ResourceId.Parse(request.Id, "id", violations);
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var reader = Caller;
        var row = await Visible(id, request.Id, tracked: false, context.CancellationToken, includeDeleted: true);
        var query = db.InteractionVersions.AsNoTracking().Where(v => v.InteractionId == id);
        if (page.After is { } cursor)
        {
            query = query.Where(v => v.Version < cursor.Order);
        }

        var rows = await query.OrderByDescending(v => v.Version).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var next = page.Close(rows, v => new PageCursor(id, v.Version));
        var whole = reader.SeesWhole(row);
        return new ListInteractionVersionsResponse
        {
            Versions =
            {
                rows.Select(v =>
                {
                    var snapshot = InteractionMapper.Parse<Proto.Interaction>(v.SnapshotJson);
                    if (!whole)
                    {
                        snapshot.Body = "";
                        snapshot.ClearDetails();
                        snapshot.Redacted = true;
                    }

                    return new Proto.InteractionVersion
                    {
                        Version = v.Version,
                        Interaction = snapshot,
                        ChangedById = v.ChangedBy?.ToString() ?? "",
                        ChangeTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(v.ChangedAt),
                    };
                }),
            },
            NextPageToken = next,
        };
    }

    public override async Task<ListInteractionsResponse> ListInteractions(ListInteractionsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var filter = TimelineFilter.Read(request, violations);
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        await RequireSubject(filter, request.CompanyId, request.PersonId, context.CancellationToken);
        var reader = Caller;
        if (filter.PersonId is { } person && !request.PinnedFirst)
        {
            return await PersonTimeline(person, filter, page, reader, context.CancellationToken);
        }

        var query = filter.Apply(db.Interactions.AsNoTracking(), db.InteractionSubjects, reader);
        if (page.After is { } cursor)
        {
            var pinned = request.PinnedFirst && (cursor.Order & PinnedBit) != 0;
            var time = new DateTimeOffset(cursor.Order & ~PinnedBit, TimeSpan.Zero);
            query = request.PinnedFirst
                ? query.Where(i => (pinned && !i.Pinned)
                    || (i.Pinned == pinned && (i.OccurredAt < time || (i.OccurredAt == time && i.Id.CompareTo(cursor.Id) < 0))))
                : query.Where(i => i.OccurredAt < time || (i.OccurredAt == time && i.Id.CompareTo(cursor.Id) < 0));
        }

        var ordered = request.PinnedFirst
            ? query.OrderByDescending(i => i.Pinned).ThenByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
            : query.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id);
        var rows = await ordered.Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var next = page.Close(rows, i => new PageCursor(i.Id, i.OccurredAt.UtcTicks | (request.PinnedFirst && i.Pinned ? PinnedBit : 0)));
        return new ListInteractionsResponse { Interactions = { rows.Select(i => i.ToProto(reader)) }, NextPageToken = next };
    }

    /// <summary>
    /// A person's timeline walks their subject rows newest first through their index and joins each
    /// item, so a page costs the same for a person with ten items as for one with a million.
    /// </summary>
    private async Task<ListInteractionsResponse> PersonTimeline(Guid person, TimelineFilter filter, PageRequest page, Reader reader, CancellationToken cancellationToken)
    {
        var items = (filter with { PersonId = null }).Apply(db.Interactions.AsNoTracking(), db.InteractionSubjects, reader);
        var onPerson = db.InteractionSubjects.Where(s => s.SubjectId == person);
        if (page.After is { } cursor)
        {
            var time = cursor.Time;
            onPerson = onPerson.Where(s => s.OccurredAt < time || (s.OccurredAt == time && s.InteractionId.CompareTo(cursor.Id) < 0));
        }

        var rows = await (
                from s in onPerson
                join i in items on s.InteractionId equals i.Id
                orderby s.OccurredAt descending, s.InteractionId descending
                select i)
            .Take(page.Size + 1)
            .ToListAsync(cancellationToken);
        var next = page.Close(rows, i => PageCursor.At(i.OccurredAt, i.Id));
        return new ListInteractionsResponse { Interactions = { rows.Select(i => i.ToProto(reader)) }, NextPageToken = next };
    }

    /// <summary>Marks a pinned item in a page cursor: far above any time's ticks, below the sign.</summary>
    private const long PinnedBit = 1L << 62;

    public override async Task<ListTopicsResponse> ListTopics(ListTopicsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var filter = TimelineFilter.ForTopics(request, violations);
        var limit = request.Limit == 0 ? 10 : request.Limit;
        var latest = request.LatestPerTopic == 0 ? 3 : request.LatestPerTopic;
        violations
            .Check(limit is >= 1 and <= 100, "limit", "must be 1 to 100")
            .Check(latest is >= 0 and <= 10, "latest_per_topic", "must be 0 to 10")
            .ThrowIfAny();

        await RequireSubject(filter, request.CompanyId, request.PersonId, context.CancellationToken);
        var reader = Caller;
        var items = filter.Apply(db.Interactions.AsNoTracking(), db.InteractionSubjects, reader);
        var counts = await items
            .SelectMany(i => i.Topics, (i, topic) => new { Topic = topic, i.OccurredAt })
            .GroupBy(t => t.Topic)
            .Select(g => new { Topic = g.Key, Count = g.Count(), Last = g.Max(t => t.OccurredAt) })
            .OrderByDescending(t => t.Count).ThenByDescending(t => t.Last).ThenBy(t => t.Topic)
            .Take(limit)
            .ToListAsync(context.CancellationToken);

        var response = new ListTopicsResponse();
        foreach (var count in counts)
        {
            var topic = new TopicCount { Topic = count.Topic, Count = count.Count, LastTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(count.Last) };
            if (latest > 0)
            {
                var rows = await items.Where(i => i.Topics.Contains(count.Topic))
                    .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(latest).ToListAsync(context.CancellationToken);
                topic.Latest.AddRange(rows.Select(i => i.ToProto(reader)));
            }

            response.Topics.Add(topic);
        }

        return response;
    }

    private async Task<Proto.Interaction> SetDeleted(string requestedId, bool deleted, ServerCallContext context)
    {
        var id = ResourceId.Parse(requestedId, "id");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var row = await Editable(id, requestedId, context.CancellationToken, includeDeleted: true);
        if ((row.DeletedAt is not null) == deleted)
        {
            return row.ToProto(Caller);
        }

        row.DeletedAt = deleted ? now : null;
        row.UpdatedAt = now;
        if (deleted)
        {
            await writer.RemoveSubjects(row.Id, context.CancellationToken);
        }
        else
        {
            writer.AddSubjects(row);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        await stats.Refresh(TimelineWriter.SubjectsOf(row), context.CancellationToken);
        outbox.Enqueue(new InteractionRemoved(db.TenantId, row.Id, row.CompanyId, Restored: !deleted));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return row.ToProto(Caller);
    }

    /// <summary>An item the caller can see; anything else (another tenant's, another member's private one) is NotFound.</summary>
    private async Task<Interaction> Visible(Guid id, string requestedId, bool tracked, CancellationToken cancellationToken, bool includeDeleted = false)
    {
        var items = tracked ? db.Interactions : db.Interactions.AsNoTracking();
        var row = await items.Where(Caller.CanSee).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return row is null || (!includeDeleted && row.DeletedAt is not null)
            ? throw new ResourceNotFoundException("Interaction", requestedId)
            : row;
    }

    /// <summary>
    /// An item the caller may change: its author's, or (an item nobody authored, such as an
    /// ingested one) anyone's who sees it whole.
    /// </summary>
    private async Task<Interaction> Editable(Guid id, string requestedId, CancellationToken cancellationToken, bool includeDeleted = false)
    {
        var row = await Visible(id, requestedId, tracked: true, cancellationToken, includeDeleted);
        var reader = Caller;
        var allowed = row.AuthorId is { } author ? reader.MemberId == author : reader.SeesWhole(row);
        if (!allowed)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Only the author of an item may change it."));
        }

        if (!includeDeleted && row.DeletedAt is not null)
        {
            throw new ResourceNotFoundException("Interaction", requestedId);
        }

        return row;
    }

    private async Task RequireSubject(TimelineFilter filter, string companyId, string personId, CancellationToken cancellationToken)
    {
        if (filter.CompanyId is { } company)
        {
            await db.RequireKnownCompany(company, companyId, cancellationToken);
        }
        else if (filter.PersonId is { } person && !await db.Set<KnownPerson>().AnyAsync(p => p.PersonId == person, cancellationToken))
        {
            throw new ResourceNotFoundException("Person", personId);
        }
    }

    private static IReadOnlyList<string> UpdatePaths(Google.Protobuf.WellKnownTypes.FieldMask? mask, FieldViolations violations)
    {
        if (mask is not { Paths.Count: > 0 })
        {
            violations.Add("update_mask", $"must name the fields to change: {string.Join(", ", UpdatablePaths)}");
            return [];
        }

        var paths = mask.Paths.Select(MaskPaths.SnakeCase).Distinct().ToList();
        foreach (var path in paths)
        {
            var top = path.Split('.')[0];
            violations.Check(UpdatablePaths.Contains(top) && FieldMaskApplier.IsValid(Proto.Interaction.Descriptor, path),
                "update_mask", $"\"{path}\" cannot be updated; use {string.Join(", ", UpdatablePaths)}");
        }

        return paths;
    }

    /// <summary>Private and subject-only items are someone's: an integration acting as no one cannot make one.</summary>
    private static void RequireAuthorFor(Proto.Visibility? visibility, Guid? author, string field, FieldViolations violations) =>
        violations.Check(author is not null || visibility is not (Proto.Visibility.Private or Proto.Visibility.SubjectOnly), field,
            "PRIVATE and SUBJECT_ONLY need an author: call with a member's key, or on behalf of a member");

    internal static InteractionRecorded Recorded(Interaction row, Proto.Interaction proto) => new(
        row.TenantId, row.Id, row.CompanyId, row.Kind.ToString(), row.OccurredAt,
        row.Channel.ToString(), row.Direction.ToString(), row.PersonIds, row.TwoWay, row.Automated,
        proto.Newsletter?.CampaignId);
}
