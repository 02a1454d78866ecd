using CrmPlatform.Billing.Data;

namespace CrmPlatform.Billing.Tests;

/// <summary>An invoice's status follows from its amounts, dispute and due date.</summary>
public sealed class InvoiceStateTests
{
    private static readonly DateOnly Due = new(2026, 11, 30);

    private static Invoice Open(decimal paid = 0, decimal credited = 0, bool disputed = false) => new()
    {
        Number = "INV-1",
        CurrencyCode = "EUR",
        Amount = 100,
        PaidAmount = paid,
        CreditedAmount = credited,
        Disputed = disputed,
        IssueDate = Due.AddDays(-30),
        DueDate = Due,
        Status = InvoiceStatus.Open,
    };

    [Theory]
    [InlineData(0, 0, false, -10, InvoiceStatus.Open)]
    [InlineData(0, 0, false, 0, InvoiceStatus.Open)]
    [InlineData(40, 0, false, -10, InvoiceStatus.PartiallyPaid)]
    [InlineData(40, 0, false, 1, InvoiceStatus.Overdue)]
    [InlineData(90, 10, false, 1, InvoiceStatus.Paid)]
    [InlineData(0, 0, true, 1, InvoiceStatus.Disputed)]
    public void TheStatus_FollowsTheAmountsDisputeAndDate(int paid, int credited, bool disputed, int daysAfterDue, InvoiceStatus expected)
    {
        var invoice = Open(paid, credited, disputed);

        invoice.Refresh(Due.AddDays(daysAfterDue));

        Assert.Equal(expected, invoice.Status);
    }

    [Fact]
    public void ASettledInvoice_IsSettledOnTheDayOfTheMovementThatSettledIt()
    {
        var invoice = Open(paid: 100);

        invoice.Refresh(new DateOnly(2026, 12, 20), lastMovement: new DateOnly(2026, 12, 5));

        Assert.Equal(new DateOnly(2026, 12, 5), invoice.SettledOn);
    }

    [Theory]
    [InlineData(InvoiceStatus.Void)]
    [InlineData(InvoiceStatus.Draft)]
    [InlineData(InvoiceStatus.WrittenOff)]
    public void ADecidedStatus_IsKept(InvoiceStatus decided)
    {
        var invoice = Open(paid: 100);
        invoice.Status = decided;

        invoice.Refresh(new DateOnly(2026, 12, 20));

        Assert.Equal(decided, invoice.Status);
    }
}
