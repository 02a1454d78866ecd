using System.Runtime.CompilerServices;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Contacts;
using CrmPlatform.Interactions.Data;
using CrmPlatform.Interactions.Timeline;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Tenancy;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static CrmPlatform.Interactions.Data.RawSql;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Ingest;

/// <summary>One row to ingest, and the member whose mailbox or calendar it came from.</summary>
public sealed record IngestRow(Proto.Interaction Interaction, Guid? OwnerId, string? Unreadable = null);

/// <summary>
/// Items in bulk, a batch at a time in one transaction each: every row checked alone (a bad row
/// is reported and fails only itself), one stored item per source event however many mailboxes
/// sent it (a repeat adds its owner), the new items and their timeline rows written by binary COPY
/// (<see cref="InteractionCopy"/>), statistics rewritten once per batch for each company and
/// person the batch touched, and the events written to the outbox with the batch.
/// </summary>
public sealed class Ingester(
    InteractionsDbContext db, TimelineWriter writer, ContactStatsWriter stats, IEventOutbox outbox, ITenantContextAccessor tenants, TimeProvider clock)
{
    /// <summary>
    /// Rows per transaction and report message: a batch's fixed costs (look-ups, statistics,
    /// commit) spread over many rows, its COPY still short.
    /// </summary>
    public const int BatchSize = 2000;

    public async IAsyncEnumerable<Proto.IngestInteractionsResponse> IngestAsync(
        IAsyncEnumerable<IngestRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var totals = new Proto.IngestInteractionsResponse();
        var rowNumber = 0;
        await foreach (var batch in rows.Chunk(BatchSize).WithCancellation(cancellationToken))
        {
            yield return await Write([.. batch], rowNumber, totals, cancellationToken);
            rowNumber += batch.Length;
        }

        if (rowNumber == 0)
        {
            // An empty stream still gets its (empty) report.
            yield return await Write([], rowNumber, totals, cancellationToken);
        }
    }

    private async Task<Proto.IngestInteractionsResponse> Write(List<IngestRow> batch, int firstRow, Proto.IngestInteractionsResponse totals, CancellationToken cancellationToken)
    {
        var report = new Proto.IngestInteractionsResponse();
        var now = clock.GetUtcNow();
        var author = tenants.Tenant?.MemberId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        await RequireOwners(batch, cancellationToken);
        await writer.Preload(batch.Select(r => r.Interaction), cancellationToken);
        var stored = await StoredEvents(batch, cancellationToken);

        var created = new List<(Interaction Row, Proto.Interaction Proto, Proto.IngestRowResult Result)>();
        var gainedOwners = new List<(Guid Interaction, Guid Owner)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (proto, owner) = (batch[i].Interaction, batch[i].OwnerId);
            var result = new Proto.IngestRowResult { Row = firstRow + i + 1, EventId = proto.Source?.EventId ?? "" };
            report.Rows.Add(result);
            if (batch[i].Unreadable is { } unreadable)
            {
                result.Outcome = Proto.IngestOutcome.Rejected;
                result.Problems.Add(new Proto.IngestProblem { Field = "interaction", Description = unreadable });
                continue;
            }

            try
            {
                var violations = InteractionValidator.Validate(proto, now, new FieldViolations(), field: "interaction");
                violations
                    .Required("interaction.source.system", proto.Source?.System)
                    .MaxLength("interaction.source.system", proto.Source?.System, 100)
                    .Required("interaction.source.event_id", proto.Source?.EventId)
                    .MaxLength("interaction.source.event_id", proto.Source?.EventId, 300)
                    .Check(author is not null || owner is not null || proto.Visibility is not (Proto.Visibility.Private or Proto.Visibility.SubjectOnly),
                        "interaction.visibility", "PRIVATE and SUBJECT_ONLY need an author or an owner");
                var companyId = proto.CompanyId.Length > 0 ? ResourceId.Parse(proto.CompanyId, "interaction.company_id", violations) : (Guid?)null;
                violations.Check(companyId is not null || proto.PersonIds.Count > 0, "interaction.company_id", "name a company, or a person of one");
                violations.ThrowIfAny();

                var key = (proto.Source!.System, proto.Source.EventId);
                if (stored.TryGetValue(key, out var earlier))
                {
                    // Stored already, or earlier in this batch: one item, one more owner.
                    var fresh = created.Find(c => c.Row.Id == earlier).Row;
                    if (owner is { } o && fresh is null)
                    {
                        gainedOwners.Add((earlier, o));
                    }
                    else if (owner is { } p && !fresh!.OwnerIds.Contains(p))
                    {
                        fresh.OwnerIds.Add(p);
                    }

                    result.Outcome = Proto.IngestOutcome.Duplicate;
                    result.InteractionId = earlier.ToString();
                    continue;
                }

                var company = await CompanyOf(companyId, proto, cancellationToken);
                var row = new Interaction
                {
                    TenantId = db.TenantId,
                    CompanyId = company,
                    AuthorId = author,
                    OwnerIds = owner is { } first ? [first] : [],
                    CreatedAt = now,
                    UpdatedAt = now,
                    OccurredAt = now,
                    SourceSystem = proto.Source.System,
                    SourceEventId = proto.Source.EventId,
                };
                await writer.Fill(row, proto, now, "interaction", cancellationToken);
                stored[key] = row.Id;
                created.Add((row, proto, result));
                result.Outcome = Proto.IngestOutcome.Created;
                result.InteractionId = row.Id.ToString();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound)
            {
                Reject(result, e);
            }
            catch (ResourceNotFoundException e)
            {
                result.Outcome = Proto.IngestOutcome.Rejected;
                result.Problems.Add(new Proto.IngestProblem { Field = "interaction", Description = e.Message });
            }
        }

        var written = await InteractionCopy.InsertAsync(db, created.Select(c => c.Row).ToList(), cancellationToken);
        await LostToAnotherIngest(created.Where(c => !written.Contains(c.Row.Id)).ToList(), gainedOwners, cancellationToken);
        created.RemoveAll(c => !written.Contains(c.Row.Id));
        await InteractionCopy.AddOwnersAsync(db, gainedOwners, cancellationToken);

        await stats.Refresh(created.SelectMany(c => TimelineWriter.SubjectsOf(c.Row)), cancellationToken);
        if (created.Count > 0)
        {
            await outbox.EnqueueManyAsync(created.Select(c => TimelineGrpcService.Recorded(c.Row, c.Proto)), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A stream is one scope: rows kept tracked from batch to batch would make every save
        // look through all of them, each batch slower than the last.
        db.ChangeTracker.Clear();

        report.Created = report.Rows.Count(r => r.Outcome == Proto.IngestOutcome.Created);
        report.Duplicates = report.Rows.Count(r => r.Outcome == Proto.IngestOutcome.Duplicate);
        report.Rejected = report.Rows.Count(r => r.Outcome == Proto.IngestOutcome.Rejected);
        totals.Created += report.Created;
        totals.Duplicates += report.Duplicates;
        totals.Rejected += report.Rejected;
        report.Created = totals.Created;
        report.Duplicates = totals.Duplicates;
        report.Rejected = totals.Rejected;
        return report;
    }

    /// <summary>The items already stored for the batch's source events, by (system, event id), read through their unique index.</summary>
    private async Task<Dictionary<(string System, string EventId), Guid>> StoredEvents(List<IngestRow> batch, CancellationToken cancellationToken)
    {
        var keys = batch.Select(r => r.Interaction.Source).Where(s => s is { System.Length: > 0, EventId.Length: > 0 }).Select(s => (s!.System, s.EventId)).Distinct().ToList();
        var found = keys.Count == 0 ? [] : await db.ReadAsync(
            """
            SELECT i.source_system, i.source_event_id, i.id FROM interactions i
            JOIN unnest(@systems, @events) AS k(source_system, source_event_id)
              ON i.source_system = k.source_system AND i.source_event_id = k.source_event_id
            WHERE i.tenant_id = @tenant AND i.source_event_id IS NOT NULL
            """,
            r => (Key: (r.GetString(0), r.GetString(1)), Id: r.GetGuid(2)),
            cancellationToken,
            P("tenant", db.TenantId), P("systems", keys.Select(k => k.System).ToArray()), P("events", keys.Select(k => k.EventId).ToArray()));
        return found.ToDictionary(f => f.Key, f => f.Id);
    }

    /// <summary>
    /// Rows another ingest stored first, between this batch's look-up and its write (the unique
    /// index kept one): reported as duplicates of the stored item, which gains their owners.
    /// </summary>
    private async Task LostToAnotherIngest(
        List<(Interaction Row, Proto.Interaction Proto, Proto.IngestRowResult Result)> lost, List<(Guid Interaction, Guid Owner)> gainedOwners, CancellationToken cancellationToken)
    {
        if (lost.Count == 0)
        {
            return;
        }

        var stored = await StoredEvents(lost.Select(l => new IngestRow(l.Proto, null)).ToList(), cancellationToken);
        foreach (var (row, proto, result) in lost)
        {
            var id = stored[(proto.Source.System, proto.Source.EventId)];
            gainedOwners.AddRange(row.OwnerIds.Select(o => (id, o)));
            result.Outcome = Proto.IngestOutcome.Duplicate;
            result.InteractionId = id.ToString();
        }
    }

    private static void Reject(Proto.IngestRowResult result, RpcException error)
    {
        result.Outcome = Proto.IngestOutcome.Rejected;
        var details = error.GetRpcStatus()?.Details.Select(d => d.TryUnpack<Google.Rpc.BadRequest>(out var bad) ? bad : null).OfType<Google.Rpc.BadRequest>().FirstOrDefault();
        if (details is not null)
        {
            result.Problems.AddRange(details.FieldViolations.Select(v => new Proto.IngestProblem { Field = v.Field, Description = v.Description }));
        }
        else
        {
            result.Problems.Add(new Proto.IngestProblem { Field = "interaction", Description = error.Status.Detail });
        }
    }

    /// <summary>The company a row is about: the one named (its survivor if merged), or its first person's.</summary>
    private async Task<Guid> CompanyOf(Guid? named, Proto.Interaction proto, CancellationToken cancellationToken)
    {
        if (named is { } id)
        {
            var current = await writer.CurrentCompany(id, cancellationToken);
            await writer.RequireKnownCompany(current, proto.CompanyId, cancellationToken);
            return current;
        }

        var person = await writer.Person(Guid.Parse(proto.PersonIds[0]), cancellationToken)
            ?? throw new ResourceNotFoundException("Person", proto.PersonIds[0]);
        return await writer.CurrentCompany(person.CompanyId, cancellationToken);
    }

    private async Task RequireOwners(List<IngestRow> batch, CancellationToken cancellationToken)
    {
        var owners = batch.Select(r => r.OwnerId).OfType<Guid>().Distinct().ToList();
        if (owners.Count == 0)
        {
            return;
        }

        var known = await db.KnownMembers.Where(m => owners.Contains(m.MemberId) && m.RemovedAt == null).Select(m => m.MemberId).ToListAsync(cancellationToken);
        if (owners.FirstOrDefault(o => !known.Contains(o)) is var missing && missing != Guid.Empty)
        {
            throw new ResourceNotFoundException("Member", missing.ToString());
        }
    }
}
