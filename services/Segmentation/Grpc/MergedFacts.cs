using CrmPlatform.Segmentation.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Segmentation.Grpc;

/// <summary>A client's facts with those of every company merged into it, directly or through others.</summary>
internal sealed record MergedFacts(ClientFacts Own, IReadOnlyList<ClientFacts> Merged, IReadOnlyList<InvoicedTotal> Totals)
{
    public static async Task<List<MergedFacts>> Load(SegmentationDbContext db, IReadOnlyList<ClientFacts> clients, CancellationToken cancellationToken)
    {
        // Walk the merges down a level at a time; each merged company remembers whose facts it joins.
        var merged = new List<(Guid Root, ClientFacts Facts)>();
        var frontier = clients.ToDictionary(c => c.CompanyId, c => c.CompanyId);
        while (frontier.Count > 0)
        {
            var parents = frontier.Keys.ToList();
            var children = await db.ClientFacts.AsNoTracking()
                .Where(f => f.MergedIntoId != null && parents.Contains(f.MergedIntoId.Value))
                .ToListAsync(cancellationToken);
            var next = new Dictionary<Guid, Guid>();
            foreach (var child in children.Where(c => !next.ContainsKey(c.CompanyId) && !frontier.ContainsKey(c.CompanyId)))
            {
                var root = frontier[child.MergedIntoId!.Value];
                merged.Add((root, child));
                next[child.CompanyId] = root;
            }

            frontier = next;
        }

        var companyIds = clients.Select(c => c.CompanyId).Concat(merged.Select(m => m.Facts.CompanyId)).ToList();
        var totals = (await db.InvoicedTotals.AsNoTracking().Where(t => companyIds.Contains(t.CompanyId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.CompanyId);
        var mergedByRoot = merged.ToLookup(m => m.Root, m => m.Facts);

        return clients.Select(client =>
        {
            var folded = mergedByRoot[client.CompanyId].ToList();
            var allTotals = totals[client.CompanyId].Concat(folded.SelectMany(f => totals[f.CompanyId]))
                .GroupBy(t => t.CurrencyCode)
                .Select(g => new InvoicedTotal { TenantId = client.TenantId, CompanyId = client.CompanyId, CurrencyCode = g.Key, Total = g.Sum(t => t.Total) })
                .ToList();
            return new MergedFacts(client, folded, allTotals);
        }).ToList();
    }
}
