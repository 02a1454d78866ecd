using CrmPlatform.EventContracts.Billing.V1;
using CrmPlatform.Segmentation.Data;
using MassTransit;

namespace CrmPlatform.Segmentation.Consumers;

public sealed class InvoiceIssuedConsumer(SegmentationDbContext db) : IConsumer<InvoiceIssued>
{
    public async Task Consume(ConsumeContext<InvoiceIssued> context)
    {
        var issued = context.Message;
        var facts = await db.LockCompanyFacts(issued.CompanyId, issued.OccurredAt, context.CancellationToken);
        facts.InvoiceCount++;

        // The facts row is locked, so no other consumer changes this company's totals meanwhile.
        var total = await db.InvoicedTotals.FindAsync([db.TenantId, issued.CompanyId, issued.CurrencyCode], context.CancellationToken);
        if (total is null)
        {
            db.InvoicedTotals.Add(new InvoicedTotal { CompanyId = issued.CompanyId, CurrencyCode = issued.CurrencyCode, Total = issued.Amount });
        }
        else
        {
            total.Total += issued.Amount;
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
