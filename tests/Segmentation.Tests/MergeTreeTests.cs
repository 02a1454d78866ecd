using CrmPlatform.Segmentation.Data;
using CrmPlatform.Segmentation.Domain;

namespace CrmPlatform.Segmentation.Tests;

/// <summary>Finding every company merged into another, directly or through others.</summary>
public sealed class MergeTreeTests
{
    private readonly List<CompanyFacts> companies = [];

    [Fact]
    public void ACompanyMergedDirectly_JoinsItsSurvivor()
    {
        var survivor = Company();
        var merged = Company(mergedInto: survivor);

        Assert.Equal([(survivor.CompanyId, merged.CompanyId)], Walk(survivor));
    }

    [Fact]
    public void ACompanyMergedThroughAnother_JoinsTheLastSurvivor()
    {
        var survivor = Company();
        var middle = Company(mergedInto: survivor);
        var first = Company(mergedInto: middle);

        Assert.Equal([(survivor.CompanyId, middle.CompanyId), (survivor.CompanyId, first.CompanyId)], Walk(survivor));
    }

    [Fact]
    public void ACompanyMergedIntoAnUnaskedCompany_IsLeftOut()
    {
        var asked = Company();
        Company(mergedInto: Company());

        Assert.Empty(Walk(asked));
    }

    [Fact]
    public void EachSurvivor_TakesOnlyItsOwnMergedCompanies()
    {
        var (first, second) = (Company(), Company());
        var intoFirst = Company(mergedInto: first);
        var intoSecond = Company(mergedInto: second);

        // Both sides ordered: two ids made in the same millisecond need not sort as they were made.
        Assert.Equal(new[] { (first.CompanyId, intoFirst.CompanyId), (second.CompanyId, intoSecond.CompanyId) }.Order(), Walk(first, second).Order());
    }

    [Fact]
    public void ACycle_EndsTheWalk()
    {
        var a = Company();
        var b = Company(mergedInto: a);
        var c = Company(mergedInto: b);
        a.MergedIntoId = c.CompanyId;

        Assert.Equal([(a.CompanyId, b.CompanyId), (a.CompanyId, c.CompanyId)], Walk(a));
    }

    private CompanyFacts Company(CompanyFacts? mergedInto = null)
    {
        var facts = new CompanyFacts { CompanyId = Guid.CreateVersion7(), MergedIntoId = mergedInto?.CompanyId };
        companies.Add(facts);
        return facts;
    }

    private List<(Guid Root, Guid Merged)> Walk(params CompanyFacts[] roots)
    {
        var walked = MergeTree.Walk(
            roots.Select(r => r.CompanyId),
            parents => Task.FromResult(companies.Where(c => c.MergedIntoId is { } p && parents.Contains(p)).ToList()));
        return walked.Result.Select(m => (m.Root, m.Facts.CompanyId)).ToList();
    }
}
