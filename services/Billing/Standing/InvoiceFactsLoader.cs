using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Standing;

/// <summary>Invoices as the behaviour logic reads them: each with its standing payments and its credit notes, and the effort about them.</summary>
public sealed class InvoiceFactsLoader
{
    private InvoiceFactsLoader(IReadOnlyDictionary<Guid, InvoiceFacts> invoices, ILookup<Guid?, CollectionEvent> events)
    {
        Invoices = invoices;
        Events = events;
    }

    public IReadOnlyDictionary<Guid, InvoiceFacts> Invoices { get; }

    public ILookup<Guid?, CollectionEvent> Events { get; }

    public IReadOnlyList<CollectionEvent> EventsOf(Guid invoiceId) => [.. Events[invoiceId]];

    /// <summary>Three queries whatever the number of invoices: their payments (a reversed one paid nothing), credit notes and efforts.</summary>
    public static async Task<InvoiceFactsLoader> Load(BillingDbContext db, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        var ids = invoices.Select(i => i.Id).ToList();
        var payments = await db.PaymentAllocations.AsNoTracking()
            .Where(a => ids.Contains(a.InvoiceId))
            .Join(db.Payments.Where(p => p.ReversedAt == null), a => a.PaymentId, p => p.Id,
                (a, p) => new { a.InvoiceId, a.PaymentId, p.ReceivedOn, a.Amount })
            .ToListAsync(cancellationToken);
        var credits = await db.CreditNotes.AsNoTracking()
            .Where(n => n.InvoiceId != null && ids.Contains(n.InvoiceId.Value))
            .ToListAsync(cancellationToken);
        var efforts = await db.CollectionEfforts.AsNoTracking()
            .Where(e => e.InvoiceId != null && ids.Contains(e.InvoiceId.Value))
            .ToListAsync(cancellationToken);

        var paid = payments.ToLookup(p => p.InvoiceId, p => new AllocatedPayment(p.PaymentId, p.ReceivedOn, p.Amount));
        var credited = credits.ToLookup(n => n.InvoiceId!.Value, n => new InvoiceCredit(n.Id, n.IssuedOn, n.Amount, n.Reason.ToBehaviour()));
        return new InvoiceFactsLoader(
            invoices.ToDictionary(i => i.Id, i => i.ToFacts([.. paid[i.Id]], [.. credited[i.Id]])),
            efforts.ToLookup(e => e.InvoiceId, e => e.ToEvent()));
    }
}
