using System.Runtime.CompilerServices;
using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Overdue;
using CrmPlatform.Billing.Receivables;
using CrmPlatform.Billing.Standing;
using CrmPlatform.EventContracts;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Messaging.Outbox;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Import;

/// <summary>One record to import, or the reason its line could not be read.</summary>
public sealed record ImportRow(Proto.BillingRecord Record, string? Unreadable = null);

/// <summary>
/// History from an ERP, a batch at a time in one transaction each: the batch's invoices checked in
/// memory and written together by binary COPY (<see cref="InvoiceCopy"/>), every other record
/// checked and written alone behind a savepoint (a bad row, even one the database refuses, fails only itself),
/// a record already imported under its external id answered as a duplicate, allocations and credit
/// notes naming invoices by the ERP's ids, and the standing of every company the batch touched
/// recomputed before it commits.
/// </summary>
public sealed class Importer(
    BillingDbContext db, Ledger ledger, StandingWriter standings, OverdueAlarms alarms, IEventOutbox outbox, TimeProvider clock, ILogger<Importer> logger)
{
    public const int BatchSize = 500;

    public async IAsyncEnumerable<Proto.ImportBillingHistoryResponse> ImportAsync(IAsyncEnumerable<ImportRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var totals = new Proto.ImportBillingHistoryResponse();
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

    private async Task<Proto.ImportBillingHistoryResponse> Write(List<ImportRow> batch, int firstRow, Proto.ImportBillingHistoryResponse totals, CancellationToken cancellationToken)
    {
        var report = new Proto.ImportBillingHistoryResponse();
        var touched = new HashSet<Guid>();
        DateOnly? earliestAlarm;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        report.Rows.AddRange(batch.Select((row, i) => new Proto.ImportRowResult { Row = firstRow + i + 1, ExternalId = ExternalIdOf(row.Record) }));
        earliestAlarm = await CopyInvoices(batch, report, touched, cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i].Record;
            var result = report.Rows[i];
            if (result.Outcome != Proto.ImportOutcome.Unspecified)
            {
                continue;
            }

            if (batch[i].Unreadable is { } unreadable)
            {
                Reject(result, "record", unreadable);
                continue;
            }

            await transaction.CreateSavepointAsync("row", cancellationToken);
            try
            {
                var (id, company, created, alarm) = await WriteOne(record, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.ReleaseSavepointAsync("row", cancellationToken);
                result.Id = id.ToString();
                result.Outcome = created ? Proto.ImportOutcome.Created : Proto.ImportOutcome.Duplicate;
                if (created)
                {
                    touched.Add(company);
                }

                if (alarm is { } day && (earliestAlarm is null || day < earliestAlarm))
                {
                    earliestAlarm = day;
                }
            }
            catch (Exception e) when (e is RpcException or ResourceNotFoundException or PreconditionFailedException or DbUpdateException)
            {
                await transaction.RollbackToSavepointAsync("row", cancellationToken);
                db.ChangeTracker.Clear();
                Reject(result, e);
            }
        }

        if (earliestAlarm is { } wake)
        {
            await alarms.Arm(wake, cancellationToken);
        }

        await standings.Refresh(touched, "history imported", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        report.Created = totals.Created += report.Rows.Count(r => r.Outcome == Proto.ImportOutcome.Created);
        report.Duplicates = totals.Duplicates += report.Rows.Count(r => r.Outcome == Proto.ImportOutcome.Duplicate);
        report.Rejected = totals.Rejected += report.Rows.Count(r => r.Outcome == Proto.ImportOutcome.Rejected);
        report.CompaniesGraded = totals.CompaniesGraded += touched.Count;
        return report;
    }

    /// <summary>
    /// The batch's invoices without lines, checked in memory and written together by binary COPY
    /// (the write path of most ERP history); every other record, and these too should the COPY
    /// itself fail, go through <see cref="WriteOne"/>. Returns the earliest day one of them falls due.
    /// </summary>
    private async Task<DateOnly?> CopyInvoices(List<ImportRow> batch, Proto.ImportBillingHistoryResponse report, HashSet<Guid> touched, CancellationToken cancellationToken)
    {
        bool Copyable(ImportRow row) => row.Unreadable is null && row.Record.RecordCase == Proto.BillingRecord.RecordOneofCase.Invoice && row.Record.Invoice.Lines.Count == 0;
        var externalIds = batch.Where(Copyable).Select(r => r.Record.Invoice.ExternalId).Where(e => e.Length > 0).Distinct().ToList();
        if (externalIds.Count == 0)
        {
            return null;
        }

        var existing = await db.Invoices.AsNoTracking()
            .Where(i => i.ExternalId != null && externalIds.Contains(i.ExternalId))
            .Select(i => new { ExternalId = i.ExternalId!, i.Id })
            .ToDictionaryAsync(i => i.ExternalId, i => i.Id, cancellationToken);
        var companies = new Dictionary<Guid, Guid>();
        var candidates = new List<(Proto.ImportRowResult Result, Invoice Row)>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (!Copyable(batch[i]))
            {
                continue;
            }

            var (proto, result) = (batch[i].Record.Invoice, report.Rows[i]);
            try
            {
                var violations = new FieldViolations();
                var companyId = ValidateInvoice(proto, violations);
                violations.ThrowIfAny();
                if (existing.TryGetValue(proto.ExternalId, out var id))
                {
                    (result.Outcome, result.Id) = (Proto.ImportOutcome.Duplicate, id.ToString());
                    continue;
                }

                if (!companies.TryGetValue(companyId, out var current))
                {
                    companies[companyId] = current = await ledger.Company(companyId, proto.CompanyId, cancellationToken);
                }

                var invoice = NewInvoice(proto, current);
                invoice.TenantId = db.TenantId;
                existing[proto.ExternalId] = invoice.Id;
                candidates.Add((result, invoice));
            }
            catch (Exception e) when (e is RpcException or ResourceNotFoundException)
            {
                Reject(result, e);
            }
        }

        await db.Database.CurrentTransaction!.CreateSavepointAsync("copy", cancellationToken);
        HashSet<Guid> inserted;
        try
        {
            inserted = await InvoiceCopy.Insert(db, [.. candidates.Select(c => c.Row)], cancellationToken);
            await db.Database.CurrentTransaction!.ReleaseSavepointAsync("copy", cancellationToken);
        }
        catch (Exception e) when (e is PostgresException or NpgsqlException or InvalidOperationException)
        {
            // Left to the record-by-record path, which names what the database refuses row by row.
            logger.LogWarning(e, "Copying {Count} imported invoices failed; they are written one by one.", candidates.Count);
            await db.Database.CurrentTransaction!.RollbackToSavepointAsync("copy", cancellationToken);
            return null;
        }

        DateOnly? earliest = null;
        var issued = new List<IntegrationEvent>();
        foreach (var (result, invoice) in candidates)
        {
            if (!inserted.Contains(invoice.Id))
            {
                Reject(result, "record", "the database refused it: a number or external id another invoice already has");
                continue;
            }

            (result.Outcome, result.Id) = (Proto.ImportOutcome.Created, invoice.Id.ToString());
            touched.Add(invoice.CompanyId);
            if (invoice.IsReceivable)
            {
                issued.Add(ReceivableEvents.Issued(db.TenantId, invoice));
                earliest = earliest is { } day && day < invoice.DueDate.AddDays(1) ? day : invoice.DueDate.AddDays(1);
            }
        }

        if (issued.Count > 0)
        {
            await outbox.EnqueueManyAsync(issued, cancellationToken);
        }

        return earliest;
    }

    /// <summary>Writes one record (unsaved); a repeat of its external id is a duplicate that writes nothing.</summary>
    private async Task<(Guid Id, Guid Company, bool Created, DateOnly? Alarm)> WriteOne(Proto.BillingRecord record, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        switch (record.RecordCase)
        {
            case Proto.BillingRecord.RecordOneofCase.Invoice:
                violations.Required("invoice.external_id", record.Invoice.ExternalId).ThrowIfAny();
                if (await db.Invoices.AsNoTracking().Where(x => x.ExternalId == record.Invoice.ExternalId).Select(x => new { x.Id, x.CompanyId }).FirstOrDefaultAsync(cancellationToken) is { } invoiceSeen)
                {
                    return (invoiceSeen.Id, invoiceSeen.CompanyId, false, null);
                }

                return await WriteInvoice(record.Invoice, cancellationToken);

            case Proto.BillingRecord.RecordOneofCase.Payment:
                violations.Required("payment.external_id", record.Payment.ExternalId).ThrowIfAny();
                if (await db.Payments.AsNoTracking().Where(x => x.ExternalId == record.Payment.ExternalId).Select(x => new { x.Id, x.CompanyId }).FirstOrDefaultAsync(cancellationToken) is { } paymentSeen)
                {
                    return (paymentSeen.Id, paymentSeen.CompanyId, false, null);
                }

                await ResolveInvoices(record.Payment, cancellationToken);
                var payment = await ledger.RecordPayment(record.Payment, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                var ids = payment.Allocations.Select(a => a.InvoiceId).ToList();
                var invoices = await db.Invoices.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, cancellationToken);
                outbox.Enqueue(ReceivableEvents.Received(db.TenantId, payment, invoices));
                return (payment.Id, payment.CompanyId, true, null);

            case Proto.BillingRecord.RecordOneofCase.CreditNote:
                violations.Required("credit_note.external_id", record.CreditNote.ExternalId).ThrowIfAny();
                if (await db.CreditNotes.AsNoTracking().Where(x => x.ExternalId == record.CreditNote.ExternalId).Select(x => new { x.Id, x.CompanyId }).FirstOrDefaultAsync(cancellationToken) is { } noteSeen)
                {
                    return (noteSeen.Id, noteSeen.CompanyId, false, null);
                }

                if (record.CreditNote.InvoiceId.Length == 0 && record.CreditNote.InvoiceExternalId.Length > 0)
                {
                    record.CreditNote.InvoiceId = (await InvoiceByExternalId(record.CreditNote.InvoiceExternalId, "credit_note.invoice_external_id", cancellationToken)).ToString();
                }

                var (note, _) = await ledger.IssueCreditNote(record.CreditNote, cancellationToken);
                return (note.Id, note.CompanyId, true, null);

            default:
                violations.Add("record", "must hold an invoice, a payment or a credit note").ThrowIfAny();
                return default;
        }
    }

    private async Task<(Guid, Guid, bool, DateOnly?)> WriteInvoice(Proto.Invoice proto, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var companyId = ValidateInvoice(proto, violations);
        violations.ThrowIfAny();
        companyId = await ledger.Company(companyId, proto.CompanyId, cancellationToken);
        var invoice = NewInvoice(proto, companyId);
        db.Invoices.Add(invoice);
        if (!invoice.IsReceivable)
        {
            return (invoice.Id, companyId, true, null);
        }

        outbox.Enqueue(ReceivableEvents.Issued(db.TenantId, invoice));
        return (invoice.Id, companyId, true, invoice.DueDate.AddDays(1));
    }

    private static Guid ValidateInvoice(Proto.Invoice proto, FieldViolations violations)
    {
        var companyId = InvoiceValidator.Validate(proto, violations);
        violations
            .Required("invoice.external_id", proto.ExternalId)
            .Check(proto.Status is Proto.InvoiceStatus.Unspecified or Proto.InvoiceStatus.Draft or Proto.InvoiceStatus.Void
                or Proto.InvoiceStatus.Open or Proto.InvoiceStatus.Paid or Proto.InvoiceStatus.PartiallyPaid or Proto.InvoiceStatus.Overdue,
                "invoice.status", "may be DRAFT or VOID; otherwise the status follows from the payments and credit notes imported");
        return companyId;
    }

    /// <summary>An imported invoice as a row: a draft or void when the source says so, else its status from its dates.</summary>
    private Invoice NewInvoice(Proto.Invoice proto, Guid companyId)
    {
        var invoice = proto.ToNewInvoice(companyId, clock.GetUtcNow(), proto.Status == Proto.InvoiceStatus.Draft);
        if (proto.Status == Proto.InvoiceStatus.Void)
        {
            invoice.Status = InvoiceStatus.Void;
            invoice.VoidedAt = clock.GetUtcNow();
        }

        invoice.Refresh(ledger.Today);
        return invoice;
    }

    /// <summary>Allocations naming an invoice by the ERP's id get Billing's.</summary>
    private async Task ResolveInvoices(Proto.Payment payment, CancellationToken cancellationToken)
    {
        for (var i = 0; i < payment.Allocations.Count; i++)
        {
            var allocation = payment.Allocations[i];
            if (allocation.InvoiceId.Length == 0 && allocation.InvoiceExternalId.Length > 0)
            {
                allocation.InvoiceId = (await InvoiceByExternalId(allocation.InvoiceExternalId, $"payment.allocations[{i}].invoice_external_id", cancellationToken)).ToString();
            }
        }
    }

    private async Task<Guid> InvoiceByExternalId(string externalId, string field, CancellationToken cancellationToken) =>
        await db.Invoices.AsNoTracking().Where(i => i.ExternalId == externalId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new FieldViolations().Add(field, $"names no imported invoice: {externalId}").ToException();

    private static string ExternalIdOf(Proto.BillingRecord record) => record.RecordCase switch
    {
        Proto.BillingRecord.RecordOneofCase.Invoice => record.Invoice.ExternalId,
        Proto.BillingRecord.RecordOneofCase.Payment => record.Payment.ExternalId,
        Proto.BillingRecord.RecordOneofCase.CreditNote => record.CreditNote.ExternalId,
        _ => "",
    };

    private static void Reject(Proto.ImportRowResult result, string field, string description)
    {
        result.Outcome = Proto.ImportOutcome.Rejected;
        result.Problems.Add(new Proto.ImportProblem { Field = field, Description = description });
    }

    private static void Reject(Proto.ImportRowResult result, Exception error)
    {
        result.Outcome = Proto.ImportOutcome.Rejected;
        var details = (error as RpcException)?.GetRpcStatus()?.Details
            .Select(d => d.TryUnpack<Google.Rpc.BadRequest>(out var bad) ? bad : null).OfType<Google.Rpc.BadRequest>().FirstOrDefault();
        if (details is not null)
        {
            result.Problems.AddRange(details.FieldViolations.Select(v => new Proto.ImportProblem { Field = v.Field, Description = v.Description }));
            return;
        }

        result.Problems.Add(new Proto.ImportProblem
        {
            Field = "record",
            Description = error switch
            {
                DbUpdateException => "the database refused it: a number or external id another record already has",
                RpcException rpc => rpc.Status.Detail,
                _ => error.Message,
            },
        });
    }
}
