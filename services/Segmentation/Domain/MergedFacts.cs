using CrmPlatform.Segmentation.Data;

namespace CrmPlatform.Segmentation.Domain;

/// <summary>
/// A company's facts with those of every company merged into it, directly or through others: its
/// own description, with counts, recency and invoiced totals taken over all of them.
/// </summary>
internal sealed record MergedFacts(CompanyFacts Own, IReadOnlyList<CompanyFacts> Merged, IReadOnlyList<InvoicedTotal> Totals)
{
    public int InteractionCount => All.Sum(f => f.InteractionCount);

    public int InvoiceCount => All.Sum(f => f.InvoiceCount);

    public DateTimeOffset? LastInteractionAt => All.Max(f => f.LastInteractionAt);

    public DateTimeOffset UpdatedAt => All.Max(f => f.UpdatedAt);

    private IEnumerable<CompanyFacts> All => Merged.Prepend(Own);

    /// <summary>
    /// Each of <paramref name="companies"/> with the <paramref name="merged"/> companies whose root it
    /// is, and the <paramref name="totals"/> of all of them summed per currency (never across
    /// currencies), in currency code order.
    /// </summary>
    public static List<MergedFacts> Fold(
        IReadOnlyList<CompanyFacts> companies, IReadOnlyList<(Guid Root, CompanyFacts Facts)> merged, IReadOnlyList<InvoicedTotal> totals)
    {
        var mergedByRoot = merged.ToLookup(m => m.Root, m => m.Facts);
        var totalsByCompany = totals.ToLookup(t => t.CompanyId);
        return companies.Select(company =>
        {
            var folded = mergedByRoot[company.CompanyId].ToList();
            var summed = folded.Prepend(company)
                .SelectMany(f => totalsByCompany[f.CompanyId])
                .GroupBy(t => t.CurrencyCode)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new InvoicedTotal { TenantId = company.TenantId, CompanyId = company.CompanyId, CurrencyCode = g.Key, Total = g.Sum(t => t.Total) })
                .ToList();
            return new MergedFacts(company, folded, summed);
        }).ToList();
    }
}
