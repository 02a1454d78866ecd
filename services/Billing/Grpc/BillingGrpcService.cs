using CrmPlatform.Billing.Data;
using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.EventContracts.Billing.V1;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.GrpcConventions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Grpc;

public sealed class BillingGrpcService(BillingDbContext db, IEventOutbox outbox, PageTokens pages, TimeProvider clock)
    : BillingService.BillingServiceBase
{
    public override async Task<Contracts.Billing.V1.Invoice> CreateInvoice(CreateInvoiceRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = InvoiceValidator.Validate(request.Invoice, violations);
        violations.ThrowIfAny();

        // A merged company's id stands for its survivor: what is recorded against it goes there.
        companyId = await db.CurrentCompany(companyId, context.CancellationToken);
        await db.RequireKnownCompany(companyId, request.Invoice.CompanyId, context.CancellationToken);

        var invoice = request.Invoice.ToNewInvoice(companyId, clock.GetUtcNow());
        db.Invoices.Add(invoice);
        outbox.Enqueue(new InvoiceIssued(
            db.TenantId, invoice.Id, companyId, invoice.Number, invoice.CurrencyCode, invoice.Amount, invoice.IssueDate, invoice.DueDate));
        await db.SaveChangesAsync(context.CancellationToken);
        return invoice.ToProto();
    }

    public override async Task<Contracts.Billing.V1.Invoice> GetInvoice(GetInvoiceRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Invoice", request.Id);
        return invoice.ToProto();
    }

    public override async Task<ListInvoicesResponse> ListInvoices(ListInvoicesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = string.IsNullOrEmpty(request.CompanyId) ? (Guid?)null : ResourceId.Parse(request.CompanyId, "company_id", violations);
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var query = db.Invoices.AsNoTracking();
        if (companyId is { } company)
        {
            await db.RequireKnownCompany(company, request.CompanyId, context.CancellationToken);
            query = query.Where(i => i.CompanyId == company);
        }

        if (page.After is { } cursor)
        {
            query = query.Where(i => i.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(i => i.Id).ToPageAsync(page, i => PageCursor.At(i.Id), context.CancellationToken);

        return new ListInvoicesResponse
        {
            Invoices = { rows.Select(i => i.ToProto()) },
            NextPageToken = nextPageToken,
        };
    }
}
