using CrmPlatform.Segmentation.Data;
using CrmPlatform.Segmentation.Domain;

namespace CrmPlatform.Segmentation.Tests;

/// <summary>Folding the facts of merged companies into their survivor's.</summary>
public sealed class MergedFactsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACompany_TakesTheCompaniesMergedIntoIt()
    {
        var (survivor, merged) = (Facts(), Facts());

        var folded = MergedFacts.Fold([survivor], [(survivor.CompanyId, merged)], []).Single();

        Assert.Equal([merged], folded.Merged);
    }

    [Fact]
    public void ACompany_TakesNoneOfAnothersMergedCompanies()
    {
        var (first, second, mergedIntoSecond) = (Facts(), Facts(), Facts());

        var folded = MergedFacts.Fold([first, second], [(second.CompanyId, mergedIntoSecond)], []);

        Assert.Empty(folded[0].Merged);
    }

    [Fact]
    public void Totals_InOneCurrency_AreAddedUp()
    {
        var (survivor, merged) = (Facts(), Facts());
        var totals = new[] { Total(survivor, "SEK", 500m), Total(merged, "SEK", 250.25m) };

        var folded = MergedFacts.Fold([survivor], [(survivor.CompanyId, merged)], totals).Single();

        Assert.Equal([("SEK", 750.25m)], folded.Totals.Select(t => (t.CurrencyCode, t.Total)));
    }

    [Fact]
    public void Totals_InDifferentCurrencies_AreNeverAddedTogether()
    {
        var (survivor, merged) = (Facts(), Facts());
        var totals = new[] { Total(survivor, "SEK", 500m), Total(merged, "EUR", 40m) };

        var folded = MergedFacts.Fold([survivor], [(survivor.CompanyId, merged)], totals).Single();

        Assert.Equal([("EUR", 40m), ("SEK", 500m)], folded.Totals.Select(t => (t.CurrencyCode, t.Total)));
    }

    [Fact]
    public void Totals_AreInCurrencyCodeOrder()
    {
        var company = Facts();
        var totals = new[] { Total(company, "USD", 1m), Total(company, "CHF", 1m), Total(company, "SEK", 1m) };

        var folded = MergedFacts.Fold([company], [], totals).Single();

        Assert.Equal(["CHF", "SEK", "USD"], folded.Totals.Select(t => t.CurrencyCode));
    }

    [Fact]
    public void Totals_StandUnderTheSurvivorsId()
    {
        var (survivor, merged) = (Facts(), Facts());

        var folded = MergedFacts.Fold([survivor], [(survivor.CompanyId, merged)], [Total(merged, "SEK", 1m)]).Single();

        Assert.Equal(survivor.CompanyId, folded.Totals.Single().CompanyId);
    }

    [Fact]
    public void AnotherCompanysTotals_AreLeftOut()
    {
        var (company, stranger) = (Facts(), Facts());

        var folded = MergedFacts.Fold([company], [], [Total(stranger, "SEK", 1m)]).Single();

        Assert.Empty(folded.Totals);
    }

    [Fact]
    public void Counts_AreAddedUp()
    {
        var folded = new MergedFacts(Facts(interactions: 2, invoices: 1), [Facts(interactions: 3, invoices: 4)], []);

        Assert.Equal((5, 5), (folded.InteractionCount, folded.InvoiceCount));
    }

    [Fact]
    public void TheLastInteraction_IsTheLatestOfAll()
    {
        var folded = new MergedFacts(Facts(lastInteraction: Monday), [Facts(lastInteraction: Monday.AddDays(2)), Facts()], []);

        Assert.Equal(Monday.AddDays(2), folded.LastInteractionAt);
    }

    [Fact]
    public void TheUpdateTime_IsTheLatestOfAll()
    {
        var merged = Facts();
        merged.UpdatedAt = Monday.AddHours(3);

        Assert.Equal(Monday.AddHours(3), new MergedFacts(Facts(), [merged], []).UpdatedAt);
    }

    private static CompanyFacts Facts(int interactions = 0, int invoices = 0, DateTimeOffset? lastInteraction = null) => new()
    {
        CompanyId = Guid.CreateVersion7(), InteractionCount = interactions, InvoiceCount = invoices, LastInteractionAt = lastInteraction, UpdatedAt = Monday,
    };

    private static InvoicedTotal Total(CompanyFacts company, string currency, decimal total) =>
        new() { CompanyId = company.CompanyId, CurrencyCode = currency, Total = total };
}
