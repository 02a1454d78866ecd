using CrmPlatform.Billing.Receivables;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Tests;

/// <summary>An invoice's lines and terms: one currency, a total equal to the lines, a due date from the terms.</summary>
public sealed class InvoiceLinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static Money Eur(long units, int nanos = 0) => new() { CurrencyCode = "EUR", Units = units, Nanos = nanos };

    private static Proto.Invoice WithLines(params Money[] amounts)
    {
        var invoice = new Proto.Invoice
        {
            CompanyId = Guid.CreateVersion7().ToString(),
            Number = "INV-7",
            IssueDate = new Date { Year = 2026, Month = 11, Day = 1 },
            Terms = new Proto.PaymentTerms { NetDays = 30 },
        };
        invoice.Lines.AddRange(amounts.Select((a, i) => new Proto.InvoiceLine { Description = $"Line {i + 1}", Amount = a, Quantity = "2.5" }));
        return invoice;
    }

    private static List<string> Fields(Proto.Invoice invoice)
    {
        var violations = new FieldViolations();
        InvoiceValidator.Validate(invoice, violations);
        return [.. violations.ToList().Select(v => v.Field).Order()];
    }

    [Fact]
    public void LinesWithoutATotal_AreValid_AndTheTotalIsTheirSum()
    {
        var invoice = WithLines(Eur(100, 500_000_000), Eur(200));

        Assert.Empty(Fields(invoice));
        Assert.Equal(300.5m, invoice.ToNewInvoice(Guid.CreateVersion7(), Now).Amount);
    }

    [Fact]
    public void ATotalThatIsNotTheLinesSum_IsAViolationOfTheAmount()
    {
        var invoice = WithLines(Eur(100), Eur(200));
        invoice.Amount = Eur(250);

        Assert.Equal(["invoice.amount"], Fields(invoice));
    }

    [Fact]
    public void ALineInAnotherCurrency_IsAViolationOfThatLine_ForOneSumNeverMixesCurrencies() =>
        Assert.Equal(["invoice.lines[1].amount.currency_code"], Fields(WithLines(Eur(100), new Money { CurrencyCode = "SEK", Units = 5 })));

    [Fact]
    public void AQuantityThatIsNotANumber_IsAViolationOfIt()
    {
        var invoice = WithLines(Eur(100));
        invoice.Lines[0].Quantity = "two";

        Assert.Equal(["invoice.lines[0].quantity"], Fields(invoice));
    }

    [Fact]
    public void WithoutADueDate_TheTermsNetDaysSetIt() =>
        Assert.Equal(new DateOnly(2026, 12, 1), WithLines(Eur(100)).ToNewInvoice(Guid.CreateVersion7(), Now).DueDate);

    [Fact]
    public void ADiscountRateWithoutItsDays_IsAViolationOfTheDays()
    {
        var invoice = WithLines(Eur(100));
        invoice.Terms.DiscountBasisPoints = 200;

        Assert.Equal(["invoice.terms.discount_days"], Fields(invoice));
    }

    [Fact]
    public void ADraft_IsNotIssued()
    {
        var draft = WithLines(Eur(100)).ToNewInvoice(Guid.CreateVersion7(), Now, draft: true);

        Assert.Equal((Data.InvoiceStatus.Draft, null), (draft.Status, draft.IssuedAt));
    }
}
