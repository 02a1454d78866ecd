using CrmPlatform.Billing.Receivables;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Tests;

/// <summary>A new invoice's every class of bad input, each refused with the field it is in.</summary>
public sealed class InvoiceValidatorTests
{
    private static readonly string CompanyId = Guid.CreateVersion7().ToString();

    [Fact]
    public void AValidInvoice_GivesItsCompanyId()
    {
        var violations = new FieldViolations();

        var companyId = InvoiceValidator.Validate(Valid(), violations);

        Assert.Equal((Guid.Parse(CompanyId), true), (companyId, violations.IsEmpty));
    }

    [Fact]
    public void AMissingInvoice_IsAViolationOfIt()
    {
        Assert.Equal(["invoice"], Fields(null));
    }

    [Fact]
    public void AMissingCompanyId_IsAViolationOfIt()
    {
        Assert.Equal(["invoice.company_id"], Fields(Valid(i => i.CompanyId = "")));
    }

    [Fact]
    public void ACompanyIdThatIsNotOne_IsAViolationOfIt()
    {
        Assert.Equal(["invoice.company_id"], Fields(Valid(i => i.CompanyId = "acme")));
    }

    [Fact]
    public void ABlankNumber_IsAViolationOfTheNumber()
    {
        Assert.Equal(["invoice.number"], Fields(Valid(i => i.Number = "   ")));
    }

    [Fact]
    public void ANumberOverItsLimit_IsAViolationOfTheNumber()
    {
        Assert.Equal(["invoice.number"], Fields(Valid(i => i.Number = new string('7', 51))));
    }

    [Fact]
    public void AMissingAmount_IsAViolationOfTheAmount()
    {
        Assert.Equal(["invoice.amount"], Fields(Valid(i => i.Amount = null)));
    }

    [Fact]
    public void AnAmountOfZero_IsAViolationOfTheAmount()
    {
        Assert.Equal(["invoice.amount"], Fields(Valid(i => i.Amount = new Money { CurrencyCode = "EUR" })));
    }

    [Fact]
    public void ANegativeAmount_IsAViolationOfTheAmount()
    {
        Assert.Equal(["invoice.amount"], Fields(Valid(i => i.Amount = new Money { CurrencyCode = "EUR", Units = -100 })));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("eur")]
    [InlineData("")]
    public void ACurrencyThatIsNotAnActiveIsoCode_IsAViolationOfTheCurrency(string currency)
    {
        Assert.Equal(["invoice.amount.currency_code"], Fields(Valid(i => i.Amount = new Money { CurrencyCode = currency, Units = 100 })));
    }

    [Fact]
    public void AnAmountTooLargeToStore_IsAViolationOfItsUnits()
    {
        Assert.Equal(["invoice.amount.units"], Fields(Valid(i => i.Amount = new Money { CurrencyCode = "EUR", Units = 1_000_000_000_000_000 })));
    }

    [Fact]
    public void MoreThanFourDecimals_AreAViolationOfTheNanos()
    {
        Assert.Equal(["invoice.amount.nanos"], Fields(Valid(i => i.Amount = new Money { CurrencyCode = "EUR", Units = 10, Nanos = 123_456_789 })));
    }

    [Fact]
    public void AMissingIssueDate_IsAViolationOfIt()
    {
        Assert.Equal(["invoice.issue_date"], Fields(Valid(i => i.IssueDate = null)));
    }

    [Fact]
    public void AMissingDueDate_IsAViolationOfIt()
    {
        Assert.Equal(["invoice.due_date"], Fields(Valid(i => i.DueDate = null)));
    }

    [Fact]
    public void ADateThatDoesNotExist_IsAViolationOfIt()
    {
        Assert.Equal(["invoice.issue_date"], Fields(Valid(i => i.IssueDate = new Date { Year = 2026, Month = 2, Day = 30 })));
    }

    [Fact]
    public void ADateBefore1900_IsAViolationOfIt()
    {
        Assert.Equal(["invoice.issue_date"], Fields(Valid(i => i.IssueDate = new Date { Year = 1899, Month = 12, Day = 31 })));
    }

    [Fact]
    public void ADueDateBeforeTheIssueDate_IsAViolationOfTheDueDate()
    {
        Assert.Equal(["invoice.due_date"], Fields(Valid(i => i.DueDate = new Date { Year = 2026, Month = 10, Day = 1 })));
    }

    [Fact]
    public void DueOnTheDayOfIssue_IsValid()
    {
        Assert.Empty(Fields(Valid(i => i.DueDate = i.IssueDate.Clone())));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        Assert.Equal(
            ["invoice.amount", "invoice.company_id", "invoice.due_date", "invoice.issue_date", "invoice.number"],
            Fields(new Proto.Invoice()).Order());
    }

    private static Proto.Invoice Valid(Action<Proto.Invoice>? change = null)
    {
        var invoice = new Proto.Invoice
        {
            CompanyId = CompanyId,
            Number = "INV-2026-001",
            Amount = new Money { CurrencyCode = "EUR", Units = 1200 },
            IssueDate = new Date { Year = 2026, Month = 11, Day = 1 },
            DueDate = new Date { Year = 2026, Month = 12, Day = 1 },
        };
        change?.Invoke(invoice);
        return invoice;
    }

    private static List<string> Fields(Proto.Invoice? invoice)
    {
        var violations = new FieldViolations();
        InvoiceValidator.Validate(invoice, violations);
        return violations.ToList().Select(v => v.Field).ToList();
    }
}
