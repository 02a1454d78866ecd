using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.EventContracts;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.History;
using CrmPlatform.Profiles.Updates;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Company = CrmPlatform.Profiles.Data.Company;
using CompanyChange = CrmPlatform.Profiles.Data.CompanyChange;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>
/// Upserts companies by the tenant's external id, a batch at a time. Each batch is validated in
/// memory, the companies it touches are locked and read in one query, and everything it writes
/// (companies, their changes, the events, and for a keyed import the report it answered) goes in
/// by binary COPY and set-based INSERTs, in one transaction per batch. A row fails alone: at
/// reading, at validation (the shared text rule included) or in the database, where a refused
/// batch is written again row by row under savepoints.
/// </summary>
public sealed class CompanyImporter(ProfilesDbContext db, IEventOutbox outbox, TimeProvider clock, IOptions<ImportOptions> options, ILogger<CompanyImporter> logger)
{
    private const int MaxRows = 5_000_000;
    private const string Operation = "ImportCompanies";

    /// <summary>Imports <paramref name="rows"/>, yielding the report a batch at a time with running totals.</summary>
    public async IAsyncEnumerable<ImportCompaniesResponse> ImportAsync(
        IAsyncEnumerable<ImportInput> rows, string requestId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        new FieldViolations().MaxLength("request_id", requestId, 100).ThrowIfAny();
        var idempotency = Idempotency.For(Operation, requestId);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashed = Hashing(rows, hash, cancellationToken);

        if (await idempotency.Earlier(db, cancellationToken) is { } earlier)
        {
            // A stream is known by its rows only once it is read to the end.
            await foreach (var _ in hashed)
            {
            }

            Idempotency.CheckSame(earlier, hash.GetCurrentHash());

            await foreach (var replayed in Replay(earlier.ResourceId, cancellationToken))
            {
                yield return replayed;
            }

            yield break;
        }

        var now = clock.GetUtcNow();
        var import = new CompanyImport { StartedAt = now };
        db.CompanyImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var rules = await CompanyRules.Load(db, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Only a keyed import can be retried, so only its messages are kept for the answer to a retry.
        var keep = idempotency.IsKeyed;
        var sequence = 0;
        var rowNumber = 0;
        var batch = new List<(int Row, ImportInput Input)>(options.Value.BatchSize);
        await foreach (var company in hashed)
        {
            if (++rowNumber > MaxRows)
            {
                new FieldViolations().Add("companies", $"an import takes at most {MaxRows:N0} rows").ThrowIfAny();
            }

            batch.Add((rowNumber, company));
            if (batch.Count == options.Value.BatchSize)
            {
                yield return await ImportBatch(import, batch, rules, seen, keep ? sequence++ : null, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0 || rowNumber == 0)
        {
            yield return await ImportBatch(import, batch, rules, seen, keep ? sequence++ : null, cancellationToken);
        }

        import.FinishedAt = clock.GetUtcNow();
        db.CompanyImports.Update(import);
        idempotency.Record(db, import.Id, hash.GetCurrentHash(), now);

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Import {ImportId}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            import.Id, import.Created, import.Updated, import.Unchanged, import.Rejected);
    }

    /// <summary>
    /// Imports one batch and answers its report; <paramref name="sequence"/> (set for a keyed import)
    /// is where that report is kept among the import's messages, in the batch's transaction.
    /// </summary>
    private async Task<ImportCompaniesResponse> ImportBatch(
        CompanyImport import, List<(int Row, ImportInput Input)> batch, CompanyRules rules, HashSet<string> seen, int? sequence, CancellationToken cancellationToken)
    {
        var results = new List<ImportRowResult>(batch.Count);
        var accepted = new List<(int Row, Proto.Company Company)>(batch.Count);
        foreach (var (row, input) in batch)
        {
            if (input.Problems.Count > 0)
            {
                results.Add(Rejected(row, input.Company.ExternalId, input.Problems));
                continue;
            }

            var company = input.Company;
            var violations = CompanyValidator.Validate(company, "", new FieldViolations(), rules).Text(company);
            violations.Required(".external_id", company.ExternalId);
            if (violations.IsEmpty && !seen.Add(company.ExternalId.Trim()))
            {
                violations.Add(".external_id", "appears in an earlier row of this import");
            }

            if (violations.IsEmpty)
            {
                accepted.Add((row, company));
            }
            else
            {
                results.Add(Rejected(row, company.ExternalId, violations.ToList().Select(v => (v.Field.TrimStart('.'), v.Description)).Distinct()));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var externalIds = accepted.Select(a => a.Company.ExternalId.Trim()).ToArray();
        // Locked first, so a concurrent edit or import waits instead of being overwritten.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM companies WHERE external_id = ANY({externalIds}) FOR UPDATE", cancellationToken);
        var existing = await db.Companies.AsNoTracking()
            .Where(c => externalIds.Contains(c.ExternalId))
            .ToDictionaryAsync(c => c.ExternalId!, cancellationToken);
        var known = await KnownCompanies(accepted.Select(a => a.Company), cancellationToken);

        var writes = new List<RowWrite>();
        foreach (var (row, proto) in accepted)
        {
            var unknown = CompanyValidator.ReferencedCompanies(proto).Where(r => !known.Contains(r.Id)).ToList();
            if (unknown.Count > 0)
            {
                results.Add(Rejected(row, proto.ExternalId, unknown.Select(u => (u.Field, "is not a company of this tenant"))));
                continue;
            }

            if (!existing.TryGetValue(proto.ExternalId.Trim(), out var company))
            {
                company = proto.ToNewCompany(now);
                company.TenantId = db.TenantId;
                writes.Add(new RowWrite(row, company, ImportOutcome.Created, [], [CompanyEvents.Created(company)]));
                continue;
            }

            if (company.DeletedAt is not null)
            {
                var why = company.MergedIntoId is { } survivor
                    ? $"belongs to a company merged into {survivor}; import into that company's external id, or undo the merge"
                    : "belongs to a deleted company; undelete it first";
                results.Add(Rejected(row, proto.ExternalId, [("external_id", why)]));
                continue;
            }

            // An update replaces the fields the row sets and keeps the rest.
            var before = company.ToProto();
            var after = UpdatableFields<Proto.Company>.Apply(Updatable.Company.Resolve(null, proto, new FieldViolations()), proto, before);
            company.CopyFrom(after);
            var changed = Updatable.Company.Changed(before, company.ToProto());
            if (changed.Count == 0)
            {
                results.Add(Outcome(row, company, ImportOutcome.Unchanged));
                continue;
            }

            company.UpdatedAt = now;
            var changes = CompanyHistory.Changes(company.Id, before, company.ToProto(), changed, $"import:{import.Id}", now).ToList();
            // EF stamps the tenant on what it saves; these rows bypass it.
            changes.ForEach(change => change.TenantId = db.TenantId);
            writes.Add(new RowWrite(row, company, ImportOutcome.Updated, changes, CompanyEvents.Updated(company, changed, after.Ownership).ToList()));
        }

        var refused = await Write(transaction, writes, cancellationToken);
        foreach (var write in writes)
        {
            if (refused.TryGetValue(write.Row, out var refusal))
            {
                // The row did not land, so a later row may still bring this external id.
                seen.Remove(write.Company.ExternalId!);
                results.Add(Rejected(write.Row, write.Company.ExternalId ?? "", [refusal]));
            }
            else
            {
                results.Add(Outcome(write.Row, write.Company, write.Outcome));
            }
        }

        await outbox.EnqueueManyAsync(writes.Where(w => !refused.ContainsKey(w.Row)).SelectMany(w => w.Events), cancellationToken);

        import.Created += results.Count(r => r.Outcome == ImportOutcome.Created);
        import.Updated += results.Count(r => r.Outcome == ImportOutcome.Updated);
        import.Unchanged += results.Count(r => r.Outcome == ImportOutcome.Unchanged);
        import.Rejected += results.Count(r => r.Outcome == ImportOutcome.Rejected);
        await db.CompanyImports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(
            set => set.SetProperty(i => i.Created, import.Created).SetProperty(i => i.Updated, import.Updated)
                .SetProperty(i => i.Unchanged, import.Unchanged).SetProperty(i => i.Rejected, import.Rejected),
            cancellationToken);

        var report = Totals(import, results.OrderBy(r => r.Row));
        if (sequence is { } position)
        {
            var message = report.ToByteArray();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO company_import_reports (tenant_id, import_id, sequence, message) VALUES ({db.TenantId}, {import.Id}, {position}, {message})",
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    /// <summary>
    /// Writes the batch set-based; when the database refuses it, writes it again row by row, each
    /// under its own savepoint, so the rows it accepts land whole and the ones it refuses not at
    /// all. Answers the refused rows with why. The fallback costs round trips, so only a batch
    /// holding a refused row pays for it.
    /// </summary>
    private async Task<Dictionary<int, (string Field, string Description)>> Write(
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, List<RowWrite> writes, CancellationToken cancellationToken)
    {
        var refused = new Dictionary<int, (string, string)>();
        await transaction.CreateSavepointAsync("batch", cancellationToken);
        try
        {
            await CompanyCopy.UpsertCompanies(db, writes.Select(w => w.Company).ToList(), cancellationToken);
            await CompanyCopy.InsertChanges(db, writes.SelectMany(w => w.Changes).ToList(), cancellationToken);
            return refused;
        }
        catch (PostgresException e) when (DatabaseRefusal.IsCausedByRow(e))
        {
            await transaction.RollbackToSavepointAsync("batch", cancellationToken);
            logger.LogInformation("Import batch refused by the database ({SqlState}); writing its {Count} rows one by one", e.SqlState, writes.Count);
        }

        foreach (var write in writes)
        {
            await transaction.CreateSavepointAsync("row", cancellationToken);
            try
            {
                await CompanyCopy.UpsertCompanies(db, [write.Company], cancellationToken);
                await CompanyCopy.InsertChanges(db, write.Changes, cancellationToken);
                await transaction.ReleaseSavepointAsync("row", cancellationToken);
            }
            catch (PostgresException e) when (DatabaseRefusal.IsCausedByRow(e))
            {
                await transaction.RollbackToSavepointAsync("row", cancellationToken);
                refused[write.Row] = DatabaseRefusal.Explain(e, write.Company, db.Model);
            }
        }

        return refused;
    }

    /// <summary>The messages a keyed import answered, in order, exactly as they were.</summary>
    private async IAsyncEnumerable<ImportCompaniesResponse> Replay(Guid importId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var messages = db.CompanyImportReports.AsNoTracking().Where(r => r.ImportId == importId).OrderBy(r => r.Sequence).Select(r => r.Message);
        await foreach (var message in messages.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return ImportCompaniesResponse.Parser.ParseFrom(message);
        }
    }

    private static ImportCompaniesResponse Totals(CompanyImport import, IEnumerable<ImportRowResult> rows) => new()
    {
        ImportId = import.Id.ToString(),
        Created = import.Created,
        Updated = import.Updated,
        Unchanged = import.Unchanged,
        Rejected = import.Rejected,
        Rows = { rows },
    };

    /// <summary>The ids among the companies the rows name (parents, owners) that are live companies of this tenant.</summary>
    private async Task<HashSet<Guid>> KnownCompanies(IEnumerable<Proto.Company> rows, CancellationToken cancellationToken)
    {
        var named = rows.SelectMany(CompanyValidator.ReferencedCompanies).Select(r => r.Id).Distinct().ToList();
        return named.Count == 0
            ? []
            : (await db.Companies.Where(c => named.Contains(c.Id) && c.DeletedAt == null).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    private static async IAsyncEnumerable<ImportInput> Hashing(
        IAsyncEnumerable<ImportInput> rows, IncrementalHash hash, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            hash.AppendData(row.Company.ToByteArray());
            foreach (var (field, description) in row.Problems)
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(field + description));
            }

            hash.AppendData([0]);
            yield return row;
        }
    }

    private static ImportRowResult Outcome(int row, Company company, ImportOutcome outcome) => new()
    {
        Row = row,
        ExternalId = company.ExternalId ?? "",
        Outcome = outcome,
        CompanyId = company.Id.ToString(),
    };

    private static ImportRowResult Rejected(int row, string externalId, IEnumerable<(string Field, string Description)> problems) => new()
    {
        Row = row,
        // Echoed as sent (up to 100 characters), so the caller can match the report to its row.
        ExternalId = WellFormed(new string(externalId.Trim().Take(100).ToArray())),
        Outcome = ImportOutcome.Rejected,
        Problems = { problems.Select(p => new ImportProblem { Field = WellFormed(p.Field), Description = WellFormed(p.Description) }) },
    };

    /// <summary>
    /// A rejected row's text as protobuf can carry it: a lone surrogate (which a JSON line can
    /// smuggle in) becomes U+FFFD instead of failing the whole response.
    /// </summary>
    private static string WellFormed(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
