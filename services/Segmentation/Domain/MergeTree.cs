using CrmPlatform.Segmentation.Data;

namespace CrmPlatform.Segmentation.Domain;

/// <summary>Which companies were merged into which, directly or through others.</summary>
internal static class MergeTree
{
    /// <summary>
    /// Every company merged into one of <paramref name="roots"/>, directly or through others, with
    /// the root whose facts it joins. Walks down a level at a time, asking
    /// <paramref name="mergedInto"/> for the companies merged into any of a level's; a company met
    /// twice is taken once, so even a cycle ends.
    /// </summary>
    public static async Task<List<(Guid Root, CompanyFacts Facts)>> Walk(
        IEnumerable<Guid> roots, Func<IReadOnlyList<Guid>, Task<List<CompanyFacts>>> mergedInto)
    {
        var merged = new List<(Guid Root, CompanyFacts Facts)>();
        var rootOf = roots.Distinct().ToDictionary(id => id, id => id);
        var level = rootOf.Keys.ToList();
        while (level.Count > 0)
        {
            var next = new List<Guid>();
            foreach (var child in await mergedInto(level))
            {
                if (child.MergedIntoId is { } parent && rootOf.TryGetValue(parent, out var root) && rootOf.TryAdd(child.CompanyId, root))
                {
                    merged.Add((root, child));
                    next.Add(child.CompanyId);
                }
            }

            level = next;
        }

        return merged;
    }
}
