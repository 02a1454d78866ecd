using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Standing;

/// <summary>A company's invoices (with their standing payments and credit notes) and collection effort, as the behaviour logic reads them.</summary>
public sealed record CompanyFacts(Guid CompanyId, IReadOnlyList<InvoiceFacts> Invoices, IReadOnlyList<CollectionEvent> Events, IReadOnlyList<Invoice> Rows)
{
    /// <summary>
    /// Every invoice of the company but void ones: the behaviour logic windows them itself, and
    /// an old invoice still open counts however old it is. Effort about the company as a whole counts too.
    /// </summary>
    public static async Task<CompanyFacts> Load(BillingDbContext db, Guid companyId, CancellationToken cancellationToken)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.CompanyId == companyId && i.Status != InvoiceStatus.Void)
            .OrderBy(i => i.IssueDate).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var facts = await InvoiceFactsLoader.Load(db, invoices, cancellationToken);
        var companyWide = await db.CollectionEfforts.AsNoTracking()
            .Where(e => e.CompanyId == companyId && e.InvoiceId == null)
            .ToListAsync(cancellationToken);
        return new CompanyFacts(
            companyId,
            [.. invoices.Select(i => facts.Invoices[i.Id])],
            [.. facts.Events.SelectMany(g => g), .. companyWide.Select(e => e.ToEvent())],
            invoices);
    }
}
