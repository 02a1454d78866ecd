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
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Ingest;

/// <summary>One row to ingest, and the member whose mailbox or calendar it came from.</summary>
public sealed record IngestRow(Proto.Interaction Interaction, Guid? OwnerId, string? Unreadable = null);

/// <summary>
/// Items in bulk, a batch at a time in one transaction each: every row checked alone (a bad row
/// is reported and fails only itself), one stored item per source event however many mailboxes
/// sent it (a repeat adds its owner), statistics rewritten once per batch for each company and
/// person the batch touched, and the events written to the outbox with the batch.
/// </summary>
public sealed class Ingester(
    InteractionsDbContext db, TimelineWriter writer, ContactStatsWriter stats, IEventOutbox outbox, ITenantContextAccessor tenants, TimeProvider clock)
{
    public const int BatchSize = 500;

    public async IAsyncEnumerable<Proto.IngestInteractionsResponse> IngestAsync(
        IAsyncEnumerable<IngestRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var totals = new Proto.IngestInteractionsResponse();
        var batch = new List<IngestRow>(BatchSize);
        var rowNumber = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                yield return await Write(batch, rowNumber, totals, cancellationToken);
                rowNumber += batch.Count;
                batch.Clear();
            }
        }

        if (batch.Count > 0 || rowNumber == 0)
        {
            yield return await Write(batch, rowNumber, totals, cancellationToken);
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
        var keys = batch.Select(r => r.Interaction.Source).Where(s => s is { EventId.Length: > 0 }).Select(s => s.System + "\n" + s.EventId).Distinct().ToList();
        var existing = await db.Interactions
            .Where(i => i.SourceEventId != null && keys.Contains(i.SourceSystem + "\n" + i.SourceEventId))
            .ToDictionaryAsync(i => i.SourceSystem + "\n" + i.SourceEventId, cancellationToken);

        var touched = new List<ContactSubject>();
        var created = new List<(Interaction Row, Proto.Interaction Proto)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (proto, owner) = (batch[i].Interaction, batch[i].OwnerId);
            var result = new Proto.IngestRowResult { Row = firstRow + i + 1, EventId = proto.Source?.EventId ?? "" };
            report.Rows.Add(result);
            if (batch[i].Unreadable is { } unreadable)
            {
                result.Outcome = Proto.IngestOutcome.Rejected;
                result.Problems.Add(new Proto.IngestProblem { Field = "interaction", Description = unreadable });
                report.Rejected++;
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

                var key = proto.Source!.System + "\n" + proto.Source.EventId;
                if (existing.TryGetValue(key, out var stored))
                {
                    if (owner is { } o && !stored.OwnerIds.Contains(o))
                    {
                        stored.OwnerIds = [.. stored.OwnerIds, o];
                    }

                    result.Outcome = Proto.IngestOutcome.Duplicate;
                    result.InteractionId = stored.Id.ToString();
                    report.Duplicates++;
                    continue;
                }

                var company = await CompanyOf(companyId, proto, cancellationToken);
                var row = new Interaction
                {
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
                db.Interactions.Add(row);
                writer.AddSubjects(row);
                existing[key] = row;
                created.Add((row, proto));
                touched.AddRange(TimelineWriter.SubjectsOf(row));
                result.Outcome = Proto.IngestOutcome.Created;
                result.InteractionId = row.Id.ToString();
                report.Created++;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound)
            {
                Reject(report, result, e);
            }
            catch (ResourceNotFoundException e)
            {
                result.Outcome = Proto.IngestOutcome.Rejected;
                result.Problems.Add(new Proto.IngestProblem { Field = "interaction", Description = e.Message });
                report.Rejected++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await stats.Refresh(touched, cancellationToken);
        if (created.Count > 0)
        {
            await outbox.EnqueueManyAsync(created.Select(c => TimelineGrpcService.Recorded(c.Row, c.Proto)), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A stream is one scope: rows kept tracked from batch to batch would make every save
        // look through all of them, each batch slower than the last.
        db.ChangeTracker.Clear();

        totals.Created += report.Created;
        totals.Duplicates += report.Duplicates;
        totals.Rejected += report.Rejected;
        report.Created = totals.Created;
        report.Duplicates = totals.Duplicates;
        report.Rejected = totals.Rejected;
        return report;
    }

    private static void Reject(Proto.IngestInteractionsResponse report, Proto.IngestRowResult result, RpcException error)
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

        report.Rejected++;
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
