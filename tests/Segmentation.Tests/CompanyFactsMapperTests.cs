using CrmPlatform.Segmentation.Data;
using CrmPlatform.Segmentation.Domain;
using CrmPlatform.Segmentation.Grpc;

namespace CrmPlatform.Segmentation.Tests;

/// <summary>A company's facts as answered: its own description, with what was merged into it counted in.</summary>
public sealed class CompanyFactsMapperTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheDescription_IsTheCompanysOwn()
    {
        var facts = new MergedFacts(Own(), [Other()], []).ToProto();

        Assert.Equal(("Acme", "2410", 25, "SE"), (facts.Name, facts.IndustryCode, facts.EmployeeCount, facts.CountryCode));
    }

    [Fact]
    public void AnUnknownDescription_IsAnsweredEmpty()
    {
        var facts = new MergedFacts(new CompanyFacts { CompanyId = Guid.CreateVersion7(), UpdatedAt = Monday }, [], []).ToProto();

        Assert.Equal(("", "", 0, ""), (facts.Name, facts.IndustryCode, facts.EmployeeCount, facts.CountryCode));
    }

    [Fact]
    public void TheCounts_AreThoseOfEveryCompanyFolded()
    {
        var facts = new MergedFacts(Own(interactions: 2, invoices: 1), [Other(interactions: 3, invoices: 4)], []).ToProto();

        Assert.Equal((5, 5), (facts.InteractionCount, facts.InvoiceCount));
    }

    [Fact]
    public void NoInteractionYet_LeavesTheLastInteractionUnset()
    {
        Assert.Null(new MergedFacts(Own(), [], []).ToProto().LastInteractionTime);
    }

    [Fact]
    public void TheTotals_AreAnsweredAsMoney_InTheirOrder()
    {
        var totals = new[] { Total("EUR", 120.5m), Total("SEK", 500m) };

        var facts = new MergedFacts(Own(), [], totals).ToProto();

        Assert.Equal([("EUR", 120L, 500_000_000), ("SEK", 500L, 0)], facts.InvoicedTotals.Select(t => (t.CurrencyCode, t.Units, t.Nanos)));
    }

    [Fact]
    public void TheMergedCompanies_AreListedByTheirIds()
    {
        var other = Other();

        Assert.Equal([other.CompanyId.ToString()], new MergedFacts(Own(), [other], []).ToProto().MergedCompanyIds);
    }

    [Fact]
    public void ACompanyMergedIntoAnother_SaysWhich()
    {
        var survivor = Guid.CreateVersion7();
        var own = Own();
        own.MergedIntoId = survivor;

        Assert.Equal(survivor.ToString(), new MergedFacts(own, [], []).ToProto().MergedIntoId);
    }

    private static CompanyFacts Own(int interactions = 0, int invoices = 0) => new()
    {
        CompanyId = Guid.CreateVersion7(), Name = "Acme", IndustryCode = "2410", EmployeeCount = 25, CountryCode = "SE",
        InteractionCount = interactions, InvoiceCount = invoices, UpdatedAt = Monday,
    };

    private static CompanyFacts Other(int interactions = 0, int invoices = 0) => new()
    {
        CompanyId = Guid.CreateVersion7(), Name = "ACME AB", IndustryCode = "541511", InteractionCount = interactions, InvoiceCount = invoices,
        UpdatedAt = Monday,
    };

    private static InvoicedTotal Total(string currency, decimal total) => new() { CurrencyCode = currency, Total = total };
}
