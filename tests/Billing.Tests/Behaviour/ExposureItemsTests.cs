using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class ExposureItemsTests
{
    [Fact]
    public void Exposure_IsEachOpenBalance_EachDraft_AndTheUnusedCredit()
    {
        InvoiceFacts[] invoices =
        [
            Open("INV-1", 1000m, Today.AddDays(10)).Paying((Today.AddDays(-1), 400m)),
            Open("INV-2", 500m, Today.AddDays(30)) with { Stage = InvoiceStage.Draft },
            Open("INV-3", 700m, Today.AddDays(-40)) with { Stage = InvoiceStage.Disputed },
        ];

        var items = ExposureItems.From(invoices, Today, [new CurrencyAmount(50m, "EUR")]);

        Assert.Equal(
            ["OpenInvoice 600.00 EUR INV-1", "DraftInvoice 500.00 EUR INV-2", "OpenInvoice 700.00 EUR INV-3", "UnusedCredit 50.00 EUR "],
            items.Select(i => $"{i.Source} {i.Amount} {i.Invoice}"));
    }

    [Theory]
    [InlineData(InvoiceStage.Paid)]
    [InlineData(InvoiceStage.Void)]
    [InlineData(InvoiceStage.WrittenOff)]
    public void Exposure_LeavesOutWhatIsNotOwed(InvoiceStage stage)
    {
        Assert.Empty(ExposureItems.From([Open("INV-1", 1000m, Today) with { Stage = stage }], Today));
    }

    [Fact]
    public void Exposure_LeavesOutAnInvoicePaidInFull()
    {
        Assert.Empty(ExposureItems.From([Open("INV-1", 1000m, Today).Paying((Today, 1000m))], Today));
    }

    [Fact]
    public void Exposure_OfTheCurrentGrade_HoldsAGradeECompany_WithNothingMoreAsked()
    {
        // What "on credit hold" means for a company: a check of nothing more already holds.
        var check = CreditChecker.CheckCredit(new CurrencyAmount(10_000m, "EUR"), ExposureItems.From([], Today), new CurrencyAmount(0m, "EUR"), PaymentGrade.E, TermsPolicyDefaults.Policy);

        Assert.Equal(CreditVerdict.Hold, check.Verdict);
    }
}
