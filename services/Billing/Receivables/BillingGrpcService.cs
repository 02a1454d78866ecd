using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Overdue;
using CrmPlatform.Billing.Standing;
using CrmPlatform.GrpcConventions;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging.Outbox;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Receivables;

/// <summary>crm.billing.v1.BillingService: invoices, payments and credit notes. Every write recomputes the company's standing in its own transaction.</summary>
public sealed class BillingGrpcService(
    BillingDbContext db, Ledger ledger, StandingWriter standings, CreditGate credit, OverdueAlarms alarms, IEventOutbox outbox, PageTokens pages, TimeProvider clock)
    : Proto.BillingService.BillingServiceBase
{
    public override async Task<Proto.Invoice> CreateInvoice(Proto.CreateInvoiceRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = InvoiceValidator.Validate(request.Invoice, violations);
        violations.MaxLength("credit_override_reason", request.CreditOverrideReason, 500).ThrowIfAny();

        // A merged company's id stands for its survivor: what is recorded against it goes there.
        companyId = await ledger.Company(companyId, request.Invoice.CompanyId, context.CancellationToken);
        var invoice = request.Invoice.ToNewInvoice(companyId, clock.GetUtcNow(), request.Draft);
        invoice.Refresh(ledger.Today);

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (!request.Draft)
        {
            await credit.Admit(invoice, request.CreditOverrideReason, ledger.Actor, context.CancellationToken);
        }

        db.Invoices.Add(invoice);
        await Issued(invoice, request.Draft ? null : $"invoice {invoice.Number} issued", context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return invoice.ToProto(ledger.Today);
    }

    public override async Task<Proto.Invoice> IssueInvoice(Proto.IssueInvoiceRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        new FieldViolations().MaxLength("credit_override_reason", request.CreditOverrideReason, 500).ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var invoice = await ledger.RequireInvoice(id, request.Id, context.CancellationToken);
        if (invoice.Status != InvoiceStatus.Draft)
        {
            throw new PreconditionFailedException($"Invoice {invoice.Number} is not a draft: it is {invoice.Status.ToProto()}.");
        }

        invoice.Status = InvoiceStatus.Open;
        invoice.IssuedAt = clock.GetUtcNow();
        invoice.Refresh(ledger.Today);
        await credit.Admit(invoice, request.CreditOverrideReason, ledger.Actor, context.CancellationToken);
        await Issued(invoice, $"invoice {invoice.Number} issued", context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return invoice.ToProto(ledger.Today);
    }

    public override async Task<Proto.Invoice> VoidInvoice(Proto.VoidInvoiceRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        new FieldViolations().MaxLength("reason", request.Reason, 500).ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var invoice = await ledger.RequireInvoice(id, request.Id, context.CancellationToken);
        if (invoice.Status == InvoiceStatus.Void)
        {
            return invoice.ToProto(ledger.Today);
        }

        if (invoice.PaidAmount != 0 || invoice.CreditedAmount != 0 || invoice.Status == InvoiceStatus.WrittenOff)
        {
            throw new PreconditionFailedException(
                $"Invoice {invoice.Number} has payments, credit notes or a write-off: reverse the payments or credit it instead of voiding it.");
        }

        var wasReceivable = invoice.IsReceivable;
        invoice.Status = InvoiceStatus.Void;
        invoice.VoidedAt = clock.GetUtcNow();
        invoice.VoidReason = request.Reason.Length > 0 ? request.Reason : null;
        await db.SaveChangesAsync(context.CancellationToken);
        if (wasReceivable)
        {
            await standings.Refresh([invoice.CompanyId], $"invoice {invoice.Number} voided", context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return invoice.ToProto(ledger.Today);
    }

    public override async Task<Proto.Invoice> GetInvoice(Proto.GetInvoiceRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Invoice", request.Id);
        return invoice.ToProto(ledger.Today);
    }

    public override async Task<Proto.ListInvoicesResponse> ListInvoices(Proto.ListInvoicesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = string.IsNullOrEmpty(request.CompanyId) ? (Guid?)null : ResourceId.Parse(request.CompanyId, "company_id", violations);
        violations.Check(request.Statuses.All(s => s != Proto.InvoiceStatus.Unspecified && Enum.IsDefined(s)), "statuses", "must be known statuses");
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var query = db.Invoices.AsNoTracking();
        if (companyId is { } company)
        {
            await db.RequireKnownCompany(company, request.CompanyId, context.CancellationToken);
            query = query.Where(i => i.CompanyId == company);
        }

        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.Select(s => s.FromProto()).ToList();
            query = query.Where(i => statuses.Contains(i.Status));
        }

        if (page.After is { } cursor)
        {
            query = query.Where(i => i.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(i => i.Id).ToPageAsync(page, i => PageCursor.At(i.Id), context.CancellationToken);
        return new Proto.ListInvoicesResponse { Invoices = { rows.Select(i => i.ToProto(ledger.Today)) }, NextPageToken = nextPageToken };
    }

    public override async Task<Proto.Payment> RecordPayment(Proto.RecordPaymentRequest request, ServerCallContext context)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var payment = await ledger.RecordPayment(request.Payment, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);

        var ids = payment.Allocations.Select(a => a.InvoiceId).ToList();
        var invoices = await db.Invoices.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, context.CancellationToken);
        outbox.Enqueue(ReceivableEvents.Received(db.TenantId, payment, invoices));
        await standings.Refresh([payment.CompanyId], $"payment of {Amounts.Format(payment.Amount, payment.CurrencyCode)} received on {payment.ReceivedOn:yyyy-MM-dd}", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return payment.ToProto();
    }

    public override async Task<Proto.Payment> GetPayment(Proto.GetPaymentRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var payment = await db.Payments.AsNoTracking().Include(p => p.Allocations).FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Payment", request.Id);
        return payment.ToProto();
    }

    public override async Task<Proto.ListPaymentsResponse> ListPayments(Proto.ListPaymentsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = request.CompanyId.Length > 0 ? ResourceId.Parse(request.CompanyId, "company_id", violations) : (Guid?)null;
        var invoiceId = request.InvoiceId.Length > 0 ? ResourceId.Parse(request.InvoiceId, "invoice_id", violations) : (Guid?)null;
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var query = db.Payments.AsNoTracking().Include(p => p.Allocations).AsQueryable();
        if (companyId is { } company)
        {
            await db.RequireKnownCompany(company, request.CompanyId, context.CancellationToken);
            query = query.Where(p => p.CompanyId == company);
        }

        if (invoiceId is { } invoice)
        {
            await ledger.RequireInvoice(invoice, request.InvoiceId, context.CancellationToken);
            query = query.Where(p => p.Allocations.Any(a => a.InvoiceId == invoice));
        }

        if (page.After is { } cursor)
        {
            query = query.Where(p => p.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(p => p.Id).ToPageAsync(page, p => PageCursor.At(p.Id), context.CancellationToken);
        return new Proto.ListPaymentsResponse { Payments = { rows.Select(p => p.ToProto()) }, NextPageToken = nextPageToken };
    }

    public override async Task<Proto.Payment> ReversePayment(Proto.ReversePaymentRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        new FieldViolations().MaxLength("reason", request.Reason, 500).ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var payment = await db.Payments.Include(p => p.Allocations).FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Payment", request.Id);
        var reopened = await ledger.ReversePayment(payment, request.Reason, context.CancellationToken);
        outbox.Enqueue(ReceivableEvents.Reversed(db.TenantId, payment));
        await db.SaveChangesAsync(context.CancellationToken);
        if (reopened.Any(i => i.Status == InvoiceStatus.Overdue && !i.OverdueAnnounced))
        {
            await alarms.Arm(ledger.Today, context.CancellationToken);
        }

        await standings.Refresh([payment.CompanyId], $"payment of {Amounts.Format(payment.Amount, payment.CurrencyCode)} reversed", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return payment.ToProto();
    }

    public override async Task<Proto.CreditNote> IssueCreditNote(Proto.IssueCreditNoteRequest request, ServerCallContext context)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var (note, invoice) = await ledger.IssueCreditNote(request.CreditNote, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        var on = invoice is null ? "" : $" on invoice {invoice.Number}";
        await standings.Refresh([note.CompanyId], $"credit note of {Amounts.Format(note.Amount, note.CurrencyCode)}{on}", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return note.ToProto();
    }

    public override async Task<Proto.ListCreditNotesResponse> ListCreditNotes(Proto.ListCreditNotesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = request.CompanyId.Length > 0 ? ResourceId.Parse(request.CompanyId, "company_id", violations) : (Guid?)null;
        var invoiceId = request.InvoiceId.Length > 0 ? ResourceId.Parse(request.InvoiceId, "invoice_id", violations) : (Guid?)null;
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var query = db.CreditNotes.AsNoTracking();
        if (companyId is { } company)
        {
            await db.RequireKnownCompany(company, request.CompanyId, context.CancellationToken);
            query = query.Where(n => n.CompanyId == company);
        }

        if (invoiceId is { } invoice)
        {
            await ledger.RequireInvoice(invoice, request.InvoiceId, context.CancellationToken);
            query = query.Where(n => n.InvoiceId == invoice);
        }

        if (page.After is { } cursor)
        {
            query = query.Where(n => n.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(n => n.Id).ToPageAsync(page, n => PageCursor.At(n.Id), context.CancellationToken);
        return new Proto.ListCreditNotesResponse { CreditNotes = { rows.Select(n => n.ToProto()) }, NextPageToken = nextPageToken };
    }

    /// <summary>Saves a new or issued invoice; an issued one is announced, armed for its due date and counted in the standing.</summary>
    private async Task Issued(Invoice invoice, string? reason, CancellationToken cancellationToken)
    {
        if (reason is not null)
        {
            outbox.Enqueue(ReceivableEvents.Issued(db.TenantId, invoice));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (reason is null)
        {
            return;
        }

        await alarms.Arm(invoice.DueDate.AddDays(1), cancellationToken);
        await standings.Refresh([invoice.CompanyId], reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
