using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.EventContracts.Billing.V1;
using CrmPlatform.GrpcConventions;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Standing;

/// <summary>
/// What a company owes, per currency: each open invoice's balance, each draft, and its credit
/// (payments no invoice took, credit notes on no invoice), as the credit check reads them.
/// </summary>
public sealed record Exposures(IReadOnlyList<ExposureItem> Items, IReadOnlyList<(string Currency, decimal Amount)> Overdue)
{
    /// <summary>
    /// The company's drafts and receivables (with their payments and credit notes) through the
    /// behaviour logic's exposure parts, its unused credit summed per currency in the database.
    /// </summary>
    public static async Task<Exposures> Load(BillingDbContext db, Guid companyId, DateOnly today, CancellationToken cancellationToken)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.CompanyId == companyId)
            .Where(i => i.Status == InvoiceStatus.Draft || i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid
                || i.Status == InvoiceStatus.Overdue || i.Status == InvoiceStatus.Disputed)
            .ToListAsync(cancellationToken);
        var facts = await InvoiceFactsLoader.Load(db, invoices, cancellationToken);
        return await Of(db, companyId, [.. facts.Invoices.Values], today, cancellationToken);
    }

    /// <summary>
    /// From invoices already read (a company's whole <see cref="CompanyFacts"/>: the parts take only
    /// what is owed or drafted), with its unused credit summed per currency in the database.
    /// </summary>
    public static async Task<Exposures> Of(BillingDbContext db, Guid companyId, IReadOnlyList<InvoiceFacts> invoices, DateOnly today, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.CompanyId == companyId && p.ReversedAt == null && p.UnallocatedAmount > 0)
            .GroupBy(p => p.CurrencyCode).Select(g => new { Currency = g.Key, Amount = g.Sum(p => p.UnallocatedAmount) })
            .ToListAsync(cancellationToken);
        var notes = await db.CreditNotes.AsNoTracking()
            .Where(n => n.CompanyId == companyId && n.InvoiceId == null)
            .GroupBy(n => n.CurrencyCode).Select(g => new { Currency = g.Key, Amount = g.Sum(n => n.Amount) })
            .ToListAsync(cancellationToken);
        var credit = payments.Concat(notes).GroupBy(c => c.Currency).Select(g => new CurrencyAmount(g.Sum(c => c.Amount), g.Key));

        var items = ExposureItems.From(invoices, today, credit);
        var overdue = Aging.ByCurrency(invoices, today).Select(a => (a.Currency, a.Total - a.Current)).ToList();
        return new Exposures(items, overdue);
    }

    public IEnumerable<string> Currencies => Items.Select(i => i.Amount.Currency).Distinct().Order();

    public decimal Sum(string currency, ExposureSource source) =>
        Items.Where(i => i.Source == source && i.Amount.Currency == currency).Sum(i => i.Amount.Amount);

    public Proto.Exposure ToProto(string currency, CompanyStanding? standing) => new()
    {
        CurrencyCode = currency,
        Open = Sum(currency, ExposureSource.OpenInvoice).ToMoney(currency),
        Overdue = Overdue.Where(o => o.Currency == currency).Sum(o => o.Amount).ToMoney(currency),
        Drafts = Sum(currency, ExposureSource.DraftInvoice).ToMoney(currency),
        Credit = Sum(currency, ExposureSource.UnusedCredit).ToMoney(currency),
        CreditLimit = standing?.CreditLimitCurrencyCode == currency ? standing.CreditLimit?.ToMoney(currency) : null,
    };

    /// <summary>Per currency, with the limit and how much of it is used, for the events Segmentation follows.</summary>
    public IReadOnlyList<CurrencyExposure> ForEvents(CompanyStanding standing, bool countDrafts)
    {
        var currencies = Currencies.ToList();
        if (standing.CreditLimitCurrencyCode is { } limitCurrency && !currencies.Contains(limitCurrency))
        {
            currencies.Add(limitCurrency);
        }

        return [.. currencies.Select(c =>
        {
            var used = Sum(c, ExposureSource.OpenInvoice) + (countDrafts ? Sum(c, ExposureSource.DraftInvoice) : 0) - Sum(c, ExposureSource.UnusedCredit);
            var limit = standing.CreditLimitCurrencyCode == c ? standing.CreditLimit : null;
            int? percent = limit is > 0 ? (int)Math.Round(Math.Max(used, 0) * 100 / limit.Value, MidpointRounding.AwayFromZero) : null;
            return new CurrencyExposure(c, Sum(c, ExposureSource.OpenInvoice), Overdue.Where(o => o.Currency == c).Sum(o => o.Amount), limit, percent);
        })];
    }
}
